// What a set of sync settings connects to, without its secrets: shown before connecting by link and on the
// settings screen. And the one paragraph on where credentials live and what a lost device means.
import { formatFingerprint, type SyncSettings } from '../../../domain';
import { Facts, type Fact } from '../../components/Facts';

export function SettingsSummary({ settings }: { settings: SyncSettings }) {
  const facts: Fact[] = [
    ['Store address', settings.endpoint],
    ['Bucket', settings.bucket],
    ['Folder in the bucket', settings.prefix || '(the whole bucket)'],
    ['Region', settings.region],
    ['Access key id', <code>{settings.accessKeyId}</code>],
    ['Secret access key', 'kept, not shown'],
    [
      'Encryption',
      settings.key
        ? 'Everything is encrypted on this device before it goes to the store.'
        : 'None: the centre’s link carries no encryption key.',
    ],
  ];
  if (settings.centre) {
    facts.push(['Centre key fingerprint', <code className="fingerprint">{formatFingerprint(settings.centre)}</code>]);
  }
  return <Facts facts={facts} testId="sync-settings-summary" />;
}

export function CredentialsNote() {
  return (
    <p className="meta" data-testid="credentials-note">
      The store’s address and key are kept on this device only: they are never put in a bundle, an export or a backup.
      If this device is lost or stolen, tell the centre at once so that they revoke its access key; the store then
      refuses it, and nothing else needs to change on other devices.
    </p>
  );
}
