// A section of the form as controls: fields in order, the seed's half-width pairs side by side when there is room,
// signature lines as signature pads.
import {
  formSignature,
  isSignatureField,
  signatureDefaultRole,
  signaturePatch,
  type FormField,
  type FormSection,
  type FormValue,
} from '../../../domain';
import { SignatureField } from '../../capture/SignatureField';
import { pairHalfWidth } from '../layout';
import type { FieldContext } from './fieldContext';
import { FieldControl } from './FieldControl';

type OnFields = (patch: Record<string, FormValue>) => void;

export function SectionControls({
  section,
  ctx,
  onFields,
}: {
  section: FormSection;
  ctx: FieldContext;
  onFields: OnFields;
}) {
  const control = (f: FormField) =>
    isSignatureField(f) ? (
      <FormSignature key={f.key} field={f} ctx={ctx} onFields={onFields} />
    ) : (
      <FieldControl
        key={f.key}
        field={f}
        value={ctx.data[f.key]}
        onChange={(v) => onFields({ [f.key]: v })}
        ctx={ctx}
      />
    );
  return (
    <>
      {section.note && <p className="section-note">{section.note}</p>}
      {pairHalfWidth(section.fields).map((row) =>
        row.length === 2 ? (
          <div className="two-up" key={row[0]!.key}>
            {row.map(control)}
          </div>
        ) : (
          control(row[0]!)
        ),
      )}
    </>
  );
}

function FormSignature({ field, ctx, onFields }: { field: FormField; ctx: FieldContext; onFields: OnFields }) {
  return (
    <SignatureField
      label={field.label}
      role={signatureDefaultRole(field)}
      value={formSignature(field, ctx.data)}
      onChange={(v) => onFields(signaturePatch(field, v))}
    />
  );
}
