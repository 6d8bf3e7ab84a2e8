import { formatDate } from '../../../domain';
import { useState } from 'react';
import { signDeclaration } from '../../../storage';
import type { usePortfolio } from '../../data/hooks';
import { SignAndSubmit } from '../../components/SignAndSubmit';

type PortfolioData = NonNullable<ReturnType<typeof usePortfolio>>;

export const DECLARATION =
  'I confirm that the evidence in this portfolio is my own work, produced in my workplace (or as stated), and that any witness testimony is from people who saw my work.';

/** The candidate's declaration that the evidence is their own, and their signature. */
export function DeclarationSection({ data, candidateName }: { data: PortfolioData; candidateName: string }) {
  const [error, setError] = useState<string | null>(null);
  const signed = data.signatures.find((s) => s.purpose === 'declaration' && s.subjectId === data.enrolment.id);
  return (
    <section aria-labelledby="declaration-heading">
      <h2 id="declaration-heading">Candidate declaration</h2>
      <p className="statement">{DECLARATION}</p>
      {signed ? (
        <p data-testid="declaration-signed">
          ✓ Signed by {signed.typedName} on {formatDate(signed.signedAt)}
        </p>
      ) : (
        <>
          {error && (
            <p className="alert" role="alert">
              {error}
            </p>
          )}
          <SignAndSubmit
            label="Candidate's signature"
            defaultName={candidateName}
            role="Candidate"
            action="Sign the declaration"
            onSign={(signature) =>
              signDeclaration(data.enrolment.id, {
                ...signature,
                personId: data.enrolment.candidateId,
                statement: DECLARATION,
              })
            }
            onError={(e) => setError(e.message)}
          />
        </>
      )}
    </section>
  );
}
