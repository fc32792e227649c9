/**
 * Strings of the account screens (SignInForm, AcceptInvitation, ChangePasswordForm,
 * ForgotPasswordForm, ResetPasswordForm), English defaults; hosts override them through
 * `messages.account` (each screen's group merges one level deep).
 *
 * @example <StaffroomProvider auth={auth} messages={{ account: { signIn: { title: "Welcome back" } } }}>
 */
export interface AccountMessages {
  /** Shown while the widget loads. */
  readonly loading: string;
  readonly email: string;
  readonly mismatch: string;
  /** The live, length-only password hint (R16: no composition rules). */
  readonly strength: {
    readonly rule: (min: number, max: number) => string;
    readonly remaining: (count: number) => string;
    readonly tooLong: (max: number) => string;
    readonly fair: string;
    readonly strong: string;
  };
  readonly signIn: {
    readonly title: string;
    readonly description: string;
    readonly password: string;
    readonly submit: string;
    /** One answer for every unauthenticated failure (R17): unknown, wrong, locked or disabled. */
    readonly invalidTitle: string;
    readonly invalid: string;
    readonly seatLimitTitle: string;
    readonly seatLimit: string;
  };
  readonly acceptInvitation: {
    readonly title: (organization: string) => string;
    readonly invitedBy: (inviter: string, organization: string) => string;
    readonly invited: (organization: string) => string;
    readonly expires: (date: string) => string;
    readonly newAccount: string;
    readonly existingAccount: (email: string) => string;
    readonly password: string;
    readonly confirmPassword: string;
    readonly submitNew: string;
    readonly submitExisting: (organization: string) => string;
    readonly invalidTitle: string;
    readonly activatedTitle: string;
    readonly activated: (organization: string) => string;
    readonly joinedTitle: string;
    readonly joined: (organization: string) => string;
  };
  readonly changePassword: {
    readonly title: string;
    readonly description: string;
    readonly forcedTitle: string;
    readonly forcedDescription: string;
    readonly currentPassword: string;
    readonly forcedCurrentPassword: string;
    readonly newPassword: string;
    readonly confirmPassword: string;
    readonly submit: string;
    readonly forcedSubmit: string;
    readonly failedTitle: string;
    readonly done: string;
  };
  readonly forgotPassword: {
    readonly title: string;
    readonly description: string;
    readonly submit: string;
    readonly sentTitle: string;
    /** The same words whether or not the email has an account. */
    readonly sent: (email: string, minutes: number) => string;
  };
  readonly resetPassword: {
    readonly title: string;
    readonly description: string;
    readonly newPassword: string;
    readonly confirmPassword: string;
    readonly submit: string;
    readonly invalidTitle: string;
    readonly doneTitle: string;
    readonly done: string;
  };
}

/** English defaults of {@link AccountMessages}. */
export const accountMessages: AccountMessages = {
  loading: "Loading…",
  email: "Email",
  mismatch: "The passwords do not match.",
  strength: {
    rule: (min, max) =>
      `Use ${min} to ${max} characters. No symbols needed: a few unrelated words make a long password that is easy to remember.`,
    remaining: (n) => `${n} more ${n === 1 ? "character" : "characters"} needed.`,
    tooLong: (max) => `At most ${max} characters.`,
    fair: "Long enough.",
    strong: "Strong: long passwords are the hardest to guess.",
  },
  signIn: {
    title: "Sign in",
    description: "Use your work email and password.",
    password: "Password",
    submit: "Sign in",
    invalidTitle: "We couldn't sign you in",
    invalid:
      "The email or password is not right, or this account cannot sign in right now. Check them and try again, or reset your password.",
    seatLimitTitle: "No seat is free right now",
    seatLimit:
      "Your organization has as many people signed in as its plan allows. Try again when a colleague signs out, or ask your administrator.",
  },
  acceptInvitation: {
    title: (organization) => `Join ${organization}`,
    invitedBy: (inviter, organization) => `${inviter} invited you to join ${organization}.`,
    invited: (organization) => `You are invited to join ${organization}.`,
    expires: (date) => `This invitation works until ${date}.`,
    newAccount: "Choose a password to create your account. Your email is your user name.",
    existingAccount: (email) =>
      `You already have an account for ${email}. Accepting adds this organization to it: keep signing in with your current password.`,
    password: "Choose a password",
    confirmPassword: "Confirm the password",
    submitNew: "Create account and join",
    submitExisting: (organization) => `Join ${organization}`,
    invalidTitle: "This invitation can't be used",
    activatedTitle: "Your account is ready",
    activated: (organization) => `You joined ${organization}. Sign in with your email and new password.`,
    joinedTitle: "You joined",
    joined: (organization) =>
      `${organization} is now one of your organizations. Sign in as usual and switch to it.`,
  },
  changePassword: {
    title: "Change your password",
    description: "Your other devices are signed out; this one stays signed in.",
    forcedTitle: "Choose a new password",
    forcedDescription:
      "Your password was set by an administrator. Choose your own to continue: only you will know it.",
    currentPassword: "Current password",
    forcedCurrentPassword: "Temporary password",
    newPassword: "New password",
    confirmPassword: "Confirm the new password",
    submit: "Change password",
    forcedSubmit: "Set password and continue",
    failedTitle: "The password was not changed",
    done: "Your password was changed.",
  },
  forgotPassword: {
    title: "Reset your password",
    description: "Enter the email you sign in with. We'll send a link to choose a new password.",
    submit: "Send reset link",
    sentTitle: "Check your email",
    sent: (email, minutes) =>
      `If ${email} has an account, a link to reset its password is on its way. The link works once, for ${minutes} minutes.`,
  },
  resetPassword: {
    title: "Choose a new password",
    description:
      "You'll use it everywhere you sign in. Every device signed in to your account is signed out.",
    newPassword: "New password",
    confirmPassword: "Confirm the new password",
    submit: "Set new password",
    invalidTitle: "This reset link can't be used",
    doneTitle: "Your password was changed",
    done: "Sign in with your new password.",
  },
};
