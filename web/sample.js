// A made-up article for the "Try an example" button, written for Lede: it
// has people with roles, places, organizations, direct and partial quotes,
// an anonymous source and a few issues, so a first visit shows every layer.

export const SAMPLE = `LISBON — Portugal's finance minister, Marta Veloso, said on Thursday that the government would raise spending on public hospitals next year, despite warnings from the European Commission about the country's budget deficit.

"We cannot ask nurses and doctors to keep working miracles with the same money," Veloso told reporters after a cabinet meeting in Lisbon. "Health is where people feel the state, or feel its absence."

The plan adds 1.2 billion euros for hospitals and clinics, mostly in the Alentejo and Algarve regions, where waiting lists for surgery are longest.

Opposition leader Rui Tavares called the budget "a promise without a bill attached" and said his Social Democratic Party would vote against it in parliament.

A senior official at the European Commission, speaking on condition of anonymity, said Brussels would "watch the numbers closely" but did not expect to open a formal procedure.

The Portuguese Nurses' Union welcomed the announcement. "It is a first step, not a solution," said its president, Helena Costa, adding that strikes planned for March would go ahead unless wages rose as well.`;
