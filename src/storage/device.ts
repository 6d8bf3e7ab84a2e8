// Who is writing: this device's id (kept in its database) and the person acting on it (chosen on screen).
import { newId } from './clock';
import { db } from './db';

const deviceIds = new WeakMap<object, string>();

/** A random id for this device (this database), created once and kept in it. */
export async function deviceId(): Promise<string> {
  const database = db();
  const cached = deviceIds.get(database);
  if (cached) return cached;
  const row = await database.settings.get('deviceId');
  const id = row && typeof row.value === 'string' ? row.value : newId();
  if (!row) await database.settings.put({ key: 'deviceId', value: id });
  deviceIds.set(database, id);
  return id;
}

export async function actingPersonId(): Promise<string | null> {
  const row = await db().settings.get('actingPersonId');
  return typeof row?.value === 'string' ? row.value : null;
}

export async function setActingPerson(personId: string | null): Promise<void> {
  await db().settings.put({ key: 'actingPersonId', value: personId });
}

/**
 * Opens the database at once, while the first screen's code is still loading: opening it (checking the installed
 * schema against ours) otherwise waited for the screen's first read. A failure is left to that read, which reports
 * it as it would have.
 */
export function openDatabaseEarly(): void {
  db()
    .open()
    .catch(() => undefined);
}
