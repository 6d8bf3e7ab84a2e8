// The live hooks the app's frame needs on every screen (the header's Acting-as control, the storage meter). Apart
// from hooks.ts, whose portfolio and spec hooks bring the spec schema and parser the home screen does not need:
// screens import all of them from hooks.ts, which re-exports these.
import { useLiveQuery } from 'dexie-react-hooks';
import { actingPersonId, listPeople, storageStatus } from '../../storage';

export const usePeople = () => useLiveQuery(listPeople, [], undefined);
export const useActingPersonId = () => useLiveQuery(actingPersonId, [], undefined);
export const useStorageStatus = () => useLiveQuery(storageStatus, [], undefined);
