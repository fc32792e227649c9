import type { AccountMessages } from "./messages";

/**
 * Spanish (es-US) strings of the account screens; typed as the whole {@link AccountMessages}, so a
 * key added in English and missing here fails the typecheck.
 *
 * @example spanishAccountMessages.signIn.title // "Iniciar sesión"
 */
export const spanishAccountMessages: AccountMessages = {
  loading: "Cargando…",
  email: "Correo electrónico",
  mismatch: "Las contraseñas no coinciden.",
  strength: {
    rule: (min, max) =>
      `Use de ${min} a ${max} caracteres. No hacen falta símbolos: unas cuantas palabras sin relación forman una contraseña larga y fácil de recordar.`,
    remaining: (n) => `${n === 1 ? "Falta 1 carácter" : `Faltan ${n} caracteres`}.`,
    tooLong: (max) => `Como máximo ${max} caracteres.`,
    fair: "Tiene la longitud suficiente.",
    strong: "Segura: las contraseñas largas son las más difíciles de adivinar.",
  },
  signIn: {
    title: "Iniciar sesión",
    description: "Use su correo electrónico y contraseña del trabajo.",
    password: "Contraseña",
    submit: "Iniciar sesión",
    invalidTitle: "No pudimos iniciar su sesión",
    invalid:
      "El correo electrónico o la contraseña no son correctos, o esta cuenta no puede iniciar sesión en este momento. Revíselos e inténtelo de nuevo, o restablezca su contraseña.",
    seatLimitTitle: "No hay ningún puesto libre en este momento",
    seatLimit:
      "Su organización tiene tantas personas con sesión iniciada como permite su plan. Inténtelo de nuevo cuando un colega cierre sesión, o consulte a su administrador.",
  },
  acceptInvitation: {
    title: (organization) => `Unirse a ${organization}`,
    invitedBy: (inviter, organization) => `${inviter} le invitó a unirse a ${organization}.`,
    invited: (organization) => `Le invitaron a unirse a ${organization}.`,
    expires: (date) => `Esta invitación es válida hasta el ${date}.`,
    newAccount: "Elija una contraseña para crear su cuenta. Su correo electrónico es su nombre de usuario.",
    existingAccount: (email) =>
      `Ya tiene una cuenta con ${email}. Al aceptar, esta organización se agrega a ella: siga iniciando sesión con su contraseña actual.`,
    password: "Elija una contraseña",
    confirmPassword: "Confirme la contraseña",
    submitNew: "Crear cuenta y unirse",
    submitExisting: (organization) => `Unirse a ${organization}`,
    invalidTitle: "Esta invitación no se puede usar",
    activatedTitle: "Su cuenta está lista",
    activated: (organization) =>
      `Se unió a ${organization}. Inicie sesión con su correo electrónico y su nueva contraseña.`,
    joinedTitle: "Se unió",
    joined: (organization) =>
      `${organization} ya es una de sus organizaciones. Inicie sesión como siempre y cambie a ella.`,
  },
  changePassword: {
    title: "Cambiar su contraseña",
    description: "Se cierra la sesión en sus otros dispositivos; en este sigue abierta.",
    forcedTitle: "Elija una contraseña nueva",
    forcedDescription:
      "Un administrador estableció su contraseña. Elija la suya para continuar: solo usted la conocerá.",
    currentPassword: "Contraseña actual",
    forcedCurrentPassword: "Contraseña temporal",
    newPassword: "Contraseña nueva",
    confirmPassword: "Confirme la contraseña nueva",
    submit: "Cambiar contraseña",
    forcedSubmit: "Establecer contraseña y continuar",
    failedTitle: "No se cambió la contraseña",
    done: "Se cambió su contraseña.",
  },
  forgotPassword: {
    title: "Restablecer su contraseña",
    description:
      "Escriba el correo electrónico con el que inicia sesión. Le enviaremos un enlace para elegir una contraseña nueva.",
    submit: "Enviar enlace",
    sentTitle: "Revise su correo electrónico",
    sent: (email, minutes) =>
      `Si ${email} tiene una cuenta, ya va en camino un enlace para restablecer su contraseña. El enlace funciona una sola vez, durante ${minutes} minutos.`,
  },
  resetPassword: {
    title: "Elija una contraseña nueva",
    description:
      "La usará en todos los lugares donde inicia sesión. Se cierra la sesión en todos los dispositivos conectados a su cuenta.",
    newPassword: "Contraseña nueva",
    confirmPassword: "Confirme la contraseña nueva",
    submit: "Establecer contraseña nueva",
    invalidTitle: "Este enlace para restablecer no se puede usar",
    doneTitle: "Se cambió su contraseña",
    done: "Inicie sesión con su contraseña nueva.",
  },
};
