// Saving a person on this device (the list is in people.ts).
import type { Person } from '../domain';
import { write, type Input } from './write';

/** Creates a person, or with an id edits that person (fields not given are kept). */
export async function savePerson(input: Input<'people'>): Promise<Person> {
  // People belong to no portfolio: their audit rows are filed under "people".
  return write('the person', 'people', (ctx) => ctx.put('people', input, undefined, `${input.name}`));
}
