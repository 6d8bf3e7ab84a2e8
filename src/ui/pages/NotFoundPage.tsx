import { Link } from 'react-router';
import { routes } from '../routes';

export function NotFoundPage() {
  return (
    <section>
      <h1>Page not found</h1>
      <p>
        <Link to={routes.home()}>Back to the portfolios</Link>
      </p>
    </section>
  );
}
