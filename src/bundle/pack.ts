// Export of an EQA visit pack (docs/bundle-format.md): the centre's records and the chosen portfolios, each as a
// portfolio bundle carries it (portfolio.json, report) with its media, in one bag written by the one bag writer.
import { packExportRefusal, RECORD_SCHEMA_VERSION, type QualificationSpec, type RecordSet } from '../domain';
import {
  actingPersonId,
  centreForPack,
  deviceId,
  listPeople,
  newId,
  nowIso,
  portfolioForExport,
  signingDevicesOf,
  type PortfolioExport,
  signOwnRecords,
  trustDocumentsFor,
  type PackCentreRecords,
} from '../storage';
import { jsonBytes, textBytes, writeSignedBag, type MadeFile, type MadePart, type MediaFile } from './bagWriter';
import {
  mediaFiles,
  portfolioPart,
  SOFTWARE_AGENT,
  specFiles,
  type ExportedBundle,
  type ExportOptions,
} from './export';
import { BUNDLE_SCHEMA_VERSION } from './format';
import { PACK_FORMAT, PACK_PORTFOLIOS_MAX, PACK_SCOPE, packFolder, portfolioFolder, type PackFile } from './packFormat';
import { packReport, type PackPortfolio } from './packReport';

export type PackOptions = Pick<ExportOptions, 'onProgress' | 'signal' | 'now'>;

/**
 * One signed pack of the centre's records and the portfolios named, each complete with its media. Made only by a
 * qualified IQA acting on this device (domain/qa/packRule.ts); anyone else is refused, in words, before anything is
 * read.
 */
export async function exportEqaPack(
  portfolioIds: readonly string[],
  options: PackOptions = {},
): Promise<ExportedBundle> {
  const ids = [...new Set(portfolioIds)];
  if (ids.length === 0) throw new Error('Choose at least one portfolio for the pack.');
  if (ids.length > PACK_PORTFOLIOS_MAX) throw new Error(`A pack holds at most ${PACK_PORTFOLIOS_MAX} portfolios.`);
  const refusal = packExportRefusal(await actingPerson());
  if (refusal) throw new Error(refusal);
  const now = options.now ?? new Date(nowIso());
  const device = await deviceId();
  const packId = newId();
  const read = await readPortfolios(ids);
  const bag = await writeSignedBag({
    folder: packFolder(packId),
    media: packMedia(read),
    make: () => packContents(packId, ids, read, device, now),
    deviceId: device,
    now,
    onProgress: options.onProgress,
    signal: options.signal,
  });
  return { ...bag, fileName: `${packFolder(packId)}.zip` };
}

/** The person acting on this device, if any. */
async function actingPerson() {
  const id = await actingPersonId();
  return id ? ((await listPeople()).find((p) => p.id === id) ?? null) : null;
}

/** The chosen portfolios' records and media, each portfolio read in its own transaction, all at once. */
async function readPortfolios(ids: string[]): Promise<PortfolioExport[]> {
  return Promise.all(
    ids.map(async (id) => {
      const data = await portfolioForExport(id);
      if (!data) throw new Error(`A chosen portfolio (${id}) is no longer on this device.`);
      return data;
    }),
  );
}

/** Every chosen portfolio's media, each file once (two portfolios may hold the same file). */
function packMedia(read: PortfolioExport[]): MediaFile[] {
  return [...new Map(read.flatMap(mediaFiles).map((m) => [m.path, m])).values()];
}

/** What the pack makes while its media are hashed: pack.json, each portfolio's files, the specs, the report. */
async function packContents(
  packId: string,
  ids: string[],
  read: PortfolioExport[],
  device: string,
  now: Date,
): Promise<MadePart> {
  const held = await portfolioFiles(read, device, now);
  const { pack, centre } = await packFile(packId, ids, device, now);
  const report = packReport({ ...pack, centre }, held.portfolios, held.specs, now.toISOString().slice(0, 10));
  const files: MadeFile[] = [
    { path: 'data/pack.json', bytes: jsonBytes(pack) },
    ...held.files,
    ...specFiles(held.specs),
    { path: 'data/report.html', bytes: textBytes(report) },
  ];
  return { files, bagInfo: (oxum) => packBagInfo(pack, held.specs, oxum) };
}

/** Every chosen portfolio's files (its portfolio.json and report) and the specs they use, each spec once. */
async function portfolioFiles(read: PortfolioExport[], device: string, now: Date) {
  const files: MadeFile[] = [];
  const portfolios: PackPortfolio[] = [];
  const specs = new Map<string, QualificationSpec>();
  for (const data of read) {
    const enrolment = data.records.enrolments[0]!;
    const facts = { enrolment, deviceId: device, now, scope: 'full' as const, since: undefined };
    const part = await portfolioPart(data, facts, undefined);
    files.push({ path: `${portfolioFolder(enrolment.id)}/portfolio.json`, bytes: part.portfolioJson });
    files.push({ path: `${portfolioFolder(enrolment.id)}/report.html`, bytes: textBytes(part.report) });
    portfolios.push({ records: part.records });
    for (const s of part.specs) specs.set(`${s.id} ${s.version}`, s);
  }
  return { files, portfolios, specs: [...specs.values()] };
}

async function packFile(packId: string, ids: string[], device: string, now: Date) {
  const centre = await centreForPack(ids, now.toISOString().slice(0, 10));
  // Centre records are signed as portfolio records are: each version by the device that made it (docs/trust.md).
  const records = (await signOwnRecords(centre.records as unknown as RecordSet)) as unknown as PackCentreRecords;
  const devices = await signingDevicesOf(records as unknown as RecordSet);
  const trust = await trustDocumentsFor(new Set(devices.map((d) => d.deviceKey)));
  const personId = await actingPersonId();
  const person = personId ? records.people.find((p) => p.id === personId) : undefined;
  const pack: PackFile = {
    format: PACK_FORMAT,
    schemaVersion: BUNDLE_SCHEMA_VERSION,
    recordSchemaVersion: RECORD_SCHEMA_VERSION,
    packId,
    exportedAt: now.toISOString(),
    deviceId: device,
    portfolios: ids,
    centre: records as unknown as PackFile['centre'],
    coverage: centre.coverage,
    caseload: centre.caseload,
    devices,
    trust,
    sender: person ? { personId: person.id, name: person.name } : null,
  };
  return { pack, centre: records };
}

function packBagInfo(pack: PackFile, specs: QualificationSpec[], oxum: string): Array<[string, string]> {
  return [
    ['Bagging-Date', pack.exportedAt.slice(0, 10)],
    ['Payload-Oxum', oxum],
    ['Bag-Software-Agent', SOFTWARE_AGENT],
    ['External-Identifier', pack.packId],
    [
      'External-Description',
      `Fieldfolio EQA visit pack: ${pack.portfolios.length} portfolio(s) and the centre's records`,
    ],
    ['Fieldfolio-Schema-Version', String(BUNDLE_SCHEMA_VERSION)],
    ['Fieldfolio-Record-Schema-Version', String(RECORD_SCHEMA_VERSION)],
    ['Fieldfolio-Exporting-Device', pack.deviceId],
    ['Fieldfolio-Scope', PACK_SCOPE],
    ...specs.map((s): [string, string] => ['Fieldfolio-Spec', `${s.id} ${s.version}`]),
  ];
}
