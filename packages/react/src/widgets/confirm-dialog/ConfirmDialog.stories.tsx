import type { StaffDirectory } from "@staffroom/core";
import { memoryWorld } from "@staffroom/core/fixtures";
import type { Meta, StoryObj } from "@storybook/react-vite";
import type { ComponentProps, ReactNode } from "react";
import { expect, fn, userEvent, waitFor, within } from "storybook/test";
import { englishMessages } from "../../messages/messages";
import { useMessages } from "../../provider/context";
import { StoryFrame } from "../../testing/story-helpers";
import { Say } from "../../testing/story-locale";
import { Button } from "../../ui/Button";
import { DeletionScope } from "../user-directory/DeletionScope";
import { ConfirmDialog } from "./ConfirmDialog";

const ENGLISH_ARGS = {
  title: "Delete Jane Smith RN permanently?",
  description: englishMessages.confirm.deleteBody,
  confirmLabel: "Delete permanently",
};

/** The dialog with the default args in the story's language (args changed in Controls show as typed). */
function InStoryLanguage(args: ComponentProps<typeof ConfirmDialog.Content>): ReactNode {
  const m = useMessages();
  const or = (value: ReactNode, english: string, words: string) => (value === english ? words : value);
  return (
    <ConfirmDialog.Content
      {...args}
      title={or(args.title, ENGLISH_ARGS.title, m.confirm.deleteTitle("Jane Smith RN"))}
      description={or(args.description, ENGLISH_ARGS.description, m.confirm.deleteBody)}
      confirmLabel={or(args.confirmLabel, ENGLISH_ARGS.confirmLabel, m.confirm.deleteConfirm) as string}
    />
  );
}

const meta = {
  title: "Dialogs/ConfirmDialog",
  component: ConfirmDialog.Content,
  args: {
    ...ENGLISH_ARGS,
    children: <DeletionScope />,
    confirmText: "jane.smith@harbor-urgent-care.example",
    onConfirm: fn(async () => undefined),
  },
  loaders: [
    async () => {
      const world = await memoryWorld();
      return { directory: world.as(world.owner.id) as StaffDirectory };
    },
  ],
  render: (args, { loaded }) => (
    <StoryFrame directory={(loaded as { directory: StaffDirectory }).directory}>
      <ConfirmDialog.Root>
        <ConfirmDialog.Trigger asChild>
          <Button variant="danger">
            <Say en="Delete user" es="Eliminar usuario" />
          </Button>
        </ConfirmDialog.Trigger>
        <InStoryLanguage {...args} />
      </ConfirmDialog.Root>
    </StoryFrame>
  ),
} satisfies Meta<typeof ConfirmDialog.Content>;

export default meta;
type Story = StoryObj<typeof meta>;

/**
 * Delete (W6) says exactly what is erased and what is kept, then asks to type the email; focus
 * returns to the trigger when the dialog closes.
 */
export const TypeEmailToDelete: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const trigger = canvas.getByRole("button", { name: "Delete user" });
    trigger.focus();
    await userEvent.keyboard("{Enter}");
    const dialog = within(await within(canvasElement.ownerDocument.body).findByRole("dialog"));
    await expect(dialog.getByRole("region", { name: "Erased from this organization" })).toHaveTextContent(
      "Their sign-in account, unless they also belong to another organization",
    );
    await expect(dialog.getByRole("region", { name: "Kept" })).toHaveTextContent("“Deleted user”");
    const confirm = dialog.getByRole("button", { name: "Delete permanently" });
    await expect(confirm).toBeDisabled();
    await userEvent.type(dialog.getByLabelText(/^Type /), "jane.smith@harbor-urgent-care.example");
    await expect(confirm).toBeEnabled();
    await userEvent.click(confirm);
    await expect(args.onConfirm).toHaveBeenCalled();
    // Radix closes (and the kit returns focus) after its exit, not in the click's own task.
    await waitFor(() => expect(trigger).toHaveFocus());
  },
};
