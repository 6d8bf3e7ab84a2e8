// People on this device.
import type { Person } from '../domain';
import { db } from './db';
import { validRecords } from './read';
import { write, type Input } from './write';

/** Creates a person, or with an id edits that person (fields not given are kept). */
export async function savePerson(input: Input<'people'>): Promise<Person> {
  // People belong to no portfolio: their audit rows are filed under "people".
  return write('the person', 'people', (ctx) => ctx.put('people', input, undefined, `${input.name}`));
}

export async function listPeople(): Promise<Person[]> {
  return validRecords('people', await db().people.toArray(), []).sort((a, b) => a.name.localeCompare(b.name));
}
