/** The Save and Cancel buttons of an inline editor (see useInlineEdit); Save is disabled while saving. */
export function EditorActions({
  saveLabel,
  saving,
  onCancel,
}: {
  saveLabel: string;
  saving: boolean;
  onCancel: () => void;
}) {
  return (
    <div className="actions">
      <button type="submit" disabled={saving}>
        {saving ? 'Saving…' : saveLabel}
      </button>
      <button type="button" className="secondary" onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
}
