import { formatDate, countOf } from '../../../domain';
import { useState } from 'react';
import type { Decision, Person, UnitProgress } from '../../../domain';
import { countersign, signOffUnit, todayIso, withdrawDecision } from '../../../storage';
import { SignatureField, type SignatureValue } from '../../capture/SignatureField';
import { SignAndSubmit } from '../../components/SignAndSubmit';
import { useReadOnly } from '../../data/openedPortfolio';

interface SignOffSectionProps {
  portfolioId: string;
  unitCode: string;
  /** The unit's progress; undefined when it has no evidence and is not in the route. */
  progress: UnitProgress | undefined;
  /** The person acting on this device, if any. */
  acting: Person | undefined;
  candidateId: string;
  personName: (id: string | null) => string | undefined;
  onError: (e: Error) => void;
}

/** The unit's sign-off: its status (countersigning, withdrawing), or the form an acting assessor signs it off with. */
export function SignOffSection(props: SignOffSectionProps) {
  const { progress: up, acting } = props;
  const canAssess = !!acting?.roles.includes('assessor');
  const readOnly = useReadOnly();
  return (
    <section aria-labelledby="signoff-heading">
      <h2 id="signoff-heading">Unit sign-off</h2>
      {up?.signOff ? (
        <SignedOff {...props} progress={up} signOff={up.signOff} canAssess={canAssess} />
      ) : canAssess ? (
        <SignOffForm {...props} assessor={acting!} />
      ) : (
        <p className="meta">
          Not signed off.{readOnly ? '' : ' An assessor must be acting (choose at the top) to sign off a unit.'}
        </p>
      )}
    </section>
  );
}

type SignedOffProps = SignOffSectionProps & { progress: UnitProgress; signOff: Decision; canAssess: boolean };

/** Who signed the unit off and when; a qualified assessor other than the signer countersigns here. */
function SignedOff({ progress: up, signOff, acting, canAssess, personName, onError }: SignedOffProps) {
  const canCountersign = canAssess && acting?.assessorStatus === 'qualified' && signOff.assessorId !== acting.id;
  return (
    <>
      <p data-testid="signoff-status">
        {up.achieved ? '✓ ' : ''}Signed off on {formatDate(signOff.date)} by{' '}
        {personName(signOff.assessorId) ?? 'an assessor'}
        {signOff.countersignedBy &&
          `, countersigned by ${personName(signOff.countersignedBy) ?? 'a qualified assessor'}`}
        {up.awaitingCountersignature && ' — awaiting countersignature by a qualified assessor'}
      </p>
      {up.awaitingCountersignature &&
        (canCountersign ? (
          <>
            <SignAndSubmit
              label="Countersignature"
              defaultName={acting?.name}
              role="Qualified assessor"
              action="Countersign"
              onSign={(signature) => countersign(signOff, acting!.id, { ...signature, personId: acting!.id })}
              onError={onError}
            />
          </>
        ) : (
          <p className="meta">A qualified assessor (other than the one who signed) must be acting to countersign.</p>
        ))}
      {canAssess && (
        <button type="button" className="secondary" onClick={() => void withdrawDecision(signOff).catch(onError)}>
          Withdraw sign-off
        </button>
      )}
    </>
  );
}

/** The acting assessor signs the unit off (the candidate may sign too), warned of gaps first. */
function SignOffForm({
  portfolioId,
  unitCode,
  progress: up,
  assessor,
  candidateId,
  personName,
  onError,
}: SignOffSectionProps & { assessor: Person }) {
  const [assessorSig, setAssessorSig] = useState<SignatureValue | null>(null);
  const [candidateSig, setCandidateSig] = useState<SignatureValue | null>(null);
  const unmapped = up ? up.criteria.filter((c) => c.evidenceIds.length === 0).length : 0;
  const signOff = () =>
    assessorSig &&
    void signOffUnit({
      portfolioId,
      unitCode,
      assessorId: assessor.id,
      date: todayIso(),
      signature: { ...assessorSig, personId: assessor.id },
      candidateSignature: candidateSig ? { ...candidateSig, personId: candidateId } : undefined,
    }).catch(onError);
  return (
    <>
      {up && (unmapped > 0 || up.notYet > 0) && (
        <p className="alert" role="status">
          {unmapped > 0 &&
            `${unmapped} of ${countOf(up.total, 'criterion', 'criteria')} ${unmapped === 1 ? 'has' : 'have'} no evidence mapped yet. `}
          {up.notYet > 0 &&
            `${up.notYet} of ${up.total} ${up.notYet === 1 ? 'criterion is' : 'criteria are'} judged “not yet”.`}
        </p>
      )}
      <SignatureField
        label="Assessor's signature"
        defaultName={assessor.name}
        role="Assessor"
        value={assessorSig}
        onChange={setAssessorSig}
        required
      />
      <SignatureField
        label="Candidate's signature"
        defaultName={personName(candidateId)}
        role="Candidate"
        value={candidateSig}
        onChange={setCandidateSig}
      />
      <button type="button" disabled={!assessorSig} onClick={signOff}>
        Sign off unit {unitCode}
      </button>
    </>
  );
}
