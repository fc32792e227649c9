import type { ReactNode } from "react";
import { Link } from "../routing/Link";
import { PageHeader } from "../shell/PageHeader";

/** Any path the app does not know. @example <NotFoundPage /> */
export function NotFoundPage(): ReactNode {
  return (
    <div className="auth-main">
      <PageHeader trail={["Harbor EHR"]} title="Page not found" size="large" />
      <p>
        There is nothing at this address. Go to <Link to="/settings/users">Users</Link> or{" "}
        <Link to="/mail">Mail</Link>.
      </p>
    </div>
  );
}
