import type { StaffDirectory } from "@staffroom/core";
import { render, type RenderResult } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { ReactNode } from "react";
import { StaffroomProvider, type StaffroomProviderProps } from "../src/provider/StaffroomProvider";

/** Renders `ui` inside a provider over `directory`, with a keyboard-capable user-event. */
export function renderWith(
  directory: StaffDirectory,
  ui: ReactNode,
  props: Omit<StaffroomProviderProps, "directory" | "children"> = {},
): RenderResult & { user: ReturnType<typeof userEvent.setup> } {
  const user = userEvent.setup();
  const result = render(
    <StaffroomProvider directory={directory} {...props}>
      {ui}
    </StaffroomProvider>,
  );
  return { ...result, user };
}
