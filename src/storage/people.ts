// People on this device: the list (the header's Acting-as control reads it on every screen). Saving a person is in
// peopleSave.ts, so this read does not bring the write path into the first screen's download.
import type { Person } from '../domain';
import { db } from './db';
import { validRecords } from './read';

export async function listPeople(): Promise<Person[]> {
  return validRecords('people', await db().people.toArray(), []).sort((a, b) => a.name.localeCompare(b.name));
}
