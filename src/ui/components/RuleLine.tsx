import type { RuleResult } from '../../domain';

/** One rule of combination with its status and plain-English explanation (status in text, not colour only). */
export function RuleLine({ result }: { result: RuleResult }) {
  return (
    <li className={result.satisfied ? 'ok' : 'not-ok'} data-rule={result.ruleId}>
      <span className="icon" aria-hidden="true">
        {result.satisfied ? '✓' : '✗'}
      </span>
      <span>
        <span className="visually-hidden">{result.satisfied ? 'Met: ' : 'Not met: '}</span>
        <strong>{result.description}</strong>
        <br />
        {result.explanation}
      </span>
    </li>
  );
}
