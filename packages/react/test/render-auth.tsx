import type { DirectoryAuth } from "@staffroom/core";
import { type RenderResult, render } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { ReactNode } from "react";
import { StaffroomProvider, type StaffroomProviderProps } from "../src/provider/StaffroomProvider";

/** Renders `ui` inside a provider over `auth` (the account screens), with a keyboard-capable user-event. */
export function renderWithAuth(
  auth: DirectoryAuth,
  ui: ReactNode,
  props: Omit<StaffroomProviderProps, "auth" | "children"> = {},
): RenderResult & { user: ReturnType<typeof userEvent.setup> } {
  const user = userEvent.setup();
  const result = render(
    <StaffroomProvider auth={auth} {...props}>
      {ui}
    </StaffroomProvider>,
  );
  return { ...result, user };
}
