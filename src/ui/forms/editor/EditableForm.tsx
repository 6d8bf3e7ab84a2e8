// The form as controls, section by section; the computed grid (if the form has one) after the first section.
import { useRef, type ReactNode } from 'react';
import type { FormDefinition, FormSection, FormValue } from '../../../domain';
import type { FieldContext } from '../fields/fieldContext';
import { SectionControls } from '../fields/SectionControls';
import { SaveProblemAlert, type SaveProblem } from '../../components/SaveProblem';

/** A heading only where the seed prints one and it does not just repeat the section's one field. */
const showsHeading = (section: FormSection) =>
  !section.untitled && !(section.fields.length === 1 && section.fields[0]!.label === section.title);

export function EditableForm({
  def,
  ctx,
  grid,
  busy,
  sectionsShown,
  saveProblem,
  onSave,
  onFields,
}: {
  def: FormDefinition;
  ctx: FieldContext;
  grid: ReactNode;
  busy: boolean;
  /** How many sections to draw: the first alone for the first paint, the rest a frame later (FormEditor). */
  sectionsShown: number;
  /** What the last Save left to fill in, said beside the button. */
  saveProblem: SaveProblem | null;
  onSave: () => void;
  onFields: (patch: Record<string, FormValue>) => void;
}) {
  const form = useRef<HTMLFormElement>(null);
  return (
    <form
      ref={form}
      className="form-editor no-print"
      aria-label={def.title}
      onSubmit={(e) => {
        e.preventDefault();
        onSave();
      }}
    >
      {def.sections.slice(0, sectionsShown).map((section, i) => (
        <section key={section.title} className="form-section" aria-label={section.title}>
          {showsHeading(section) && <h2>{section.title}</h2>}
          {i === 0 && def.intro && <p className="pre-line meta">{def.intro}</p>}
          <SectionControls section={section} ctx={ctx} onFields={onFields} />
          {i === 0 && grid && (
            <div className="computed-grid">
              <h2>{def.grid === 'pc-dates' ? 'Performance criteria' : 'Knowledge and understanding'}</h2>
              <p className="meta">From your evidence and its links to criteria: not typed here.</p>
              {grid}
            </div>
          )}
        </section>
      ))}
      <SaveProblemAlert problem={saveProblem} formRef={form} />
      <button type="submit" disabled={busy}>
        Save
      </button>
    </form>
  );
}
