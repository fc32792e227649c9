import type { ErrorCode, FieldIssue, RuleCode } from "@staffroom/core";

/*
 * Core words its refusals and field issues in English (DESIGN §5: the message is core's, precise,
 * per situation). A Spanish screen must never show them, so the Spanish bundle translates them in
 * three layers, most precise first:
 *   1. core's exact sentence (or a pattern for a sentence with a number or a name in it) → its Spanish;
 *   2. else the Spanish for the rule sub-code (every RuleCode, checked by the type);
 *   3. else the Spanish for the error code (every ErrorCode), or for a field issue its issue code,
 *      else a generic "check this field".
 * When core rewords a sentence, layer 1 misses and the screen shows the still-Spanish layer 2 or 3
 * until the table here is updated: less precise, never English.
 */

const EXACT: Readonly<Record<string, string>> = {
  // Rules on users (R3, R7, R9, R11)
  "At least one active administrator must remain.": "Debe quedar al menos un administrador activo.",
  "You cannot disable yourself.": "No puede desactivarse a sí mismo.",
  "You cannot delete yourself.": "No puede eliminarse a sí mismo.",
  "You cannot reset the password of yourself.":
    "No puede restablecer su propia contraseña desde aquí. Use Cambiar contraseña.",
  "You cannot change your own role or locations.": "No puede cambiar su propio rol ni sus ubicaciones.",
  "Only the organization's main contact can do this to an administrator.":
    "Solo el contacto principal de la organización puede hacer esto con un administrador.",
  "Only the main contact can change the main contact's account, role or access. Ask them, or ask them to hand the main-contact role over first.":
    "Solo el contacto principal puede cambiar la cuenta, el rol o el acceso del contacto principal. Pídaselo, o pídale que primero traspase el rol de contacto principal.",
  "Only the main contact can hand the role over.": "Solo el contacto principal puede traspasar el rol.",
  "Only the main contact can take permissions away from administrators.":
    "Solo el contacto principal puede quitar permisos a los administradores.",
  "The main contact must be an active administrator.":
    "El contacto principal debe ser un administrador activo.",
  "This person is the main contact of another organization: only they can change their sign-in. They can reset their password from the sign-in page.":
    "Esta persona es el contacto principal de otra organización: solo ella puede cambiar su inicio de sesión. Puede restablecer su contraseña desde la página de inicio de sesión.",
  "This person also belongs to another organization. Send them a reset link instead.":
    "Esta persona también pertenece a otra organización. Envíele un enlace para restablecer la contraseña.",
  "This person also belongs to another organization; only they can change their email.":
    "Esta persona también pertenece a otra organización; solo ella puede cambiar su correo electrónico.",
  "This user holds permissions you do not have.": "Este usuario tiene permisos que usted no tiene.",
  "This user has access to locations outside yours.":
    "Este usuario tiene acceso a ubicaciones fuera de las suyas.",
  "You can only give access to locations you have yourself.":
    "Solo puede dar acceso a las ubicaciones a las que usted tiene acceso.",
  "You cannot give a role with permissions you do not hold.":
    "No puede asignar un rol con permisos que usted no tiene.",
  "Only active users can be disabled.": "Solo se pueden desactivar usuarios activos.",
  "Only active users can have their password reset.":
    "Solo se puede restablecer la contraseña de usuarios activos.",
  "Only disabled users can be restored.": "Solo se pueden restaurar usuarios desactivados.",
  "Only pending invitations can be revoked.": "Solo se pueden revocar invitaciones pendientes.",
  "Only pending users have an invitation to resend.":
    "Solo los usuarios pendientes tienen una invitación que reenviar.",
  "Disable the user before deleting them.": "Desactive al usuario antes de eliminarlo.",
  "This user is not locked.": "Este usuario no está bloqueado.",
  "Create a location before adding users.": "Cree una ubicación antes de agregar usuarios.",
  "A user who signs in to the mobile app needs a primary phone.":
    "Un usuario que inicia sesión en la aplicación móvil necesita un teléfono principal.",
  "The organization does not have the mobile app feature.":
    "La organización no tiene la función de aplicación móvil.",
  "The organization does not have the diary feature.": "La organización no tiene la función de agenda.",
  "The organization does not have the case management feature.":
    "La organización no tiene la función de gestión de casos.",
  "The organization does not have the provider directory feature.":
    "La organización no tiene la función de directorio de proveedores.",
  "The primary location must be one of the user's locations.":
    "La ubicación principal debe ser una de las ubicaciones del usuario.",
  "Provider types apply only at locations the user can access.":
    "Los tipos de proveedor solo se aplican en ubicaciones a las que el usuario tiene acceso.",
  "Only practitioners have a provider profile.":
    "Solo los profesionales clínicos tienen perfil de proveedor.",
  "The organization does not use this provider type.": "La organización no usa este tipo de proveedor.",
  "The organization has no such licence.": "La organización no tiene esa licencia.",
  "A user with this email already exists.": "Ya existe un usuario con este correo electrónico.",
  "An account with this email already exists.": "Ya existe una cuenta con este correo electrónico.",
  "Another account already uses this email.": "Otra cuenta ya usa este correo electrónico.",
  "Another user already has this external id.": "Otro usuario ya tiene este identificador externo.",
  "This person already has an account. Invite them instead.":
    "Esta persona ya tiene una cuenta. Invítela en su lugar.",
  "This person already has an account with another organization. Invite them instead.":
    "Esta persona ya tiene una cuenta en otra organización. Invítela en su lugar.",
  "The invitation was sent moments ago. Wait a minute before sending it again.":
    "La invitación se envió hace unos instantes. Espere un minuto antes de enviarla de nuevo.",
  "This invitation can no longer be resent.": "Esta invitación ya no se puede reenviar.",
  "This invitation was sent too many times. Revoke it and invite again.":
    "Esta invitación se envió demasiadas veces. Revóquela e invite de nuevo.",
  "This invitation has expired. Ask your administrator to send it again.":
    "Esta invitación venció. Pida a su administrador que la envíe de nuevo.",
  "This invitation is no longer valid. Ask your administrator for a new one.":
    "Esta invitación ya no es válida. Pida una nueva a su administrador.",
  "This reset link is no longer valid. Ask for a new one.":
    "Este enlace para restablecer ya no es válido. Solicite uno nuevo.",
  // Roles and locations
  "You cannot change the permissions of your own role.": "No puede cambiar los permisos de su propio rol.",
  "You cannot change permissions you do not hold.": "No puede cambiar permisos que usted no tiene.",
  "You cannot grant permissions you do not hold.": "No puede otorgar permisos que usted no tiene.",
  "You cannot delete a role with permissions you do not hold.":
    "No puede eliminar un rol con permisos que usted no tiene.",
  "Roles apply across the organization: only organization-wide administrators manage them.":
    "Los roles se aplican a toda la organización: solo los administradores de toda la organización los gestionan.",
  "This role does not exist.": "Este rol no existe.",
  "Unknown template.": "Plantilla desconocida.",
  "A role is listed twice.": "Un rol aparece dos veces.",
  "A location is listed twice.": "Una ubicación aparece dos veces.",
  "This location does not exist.": "Esta ubicación no existe.",
  "This location is already archived.": "Esta ubicación ya está archivada.",
  "Users have this as their primary location. Move them first.":
    "Hay usuarios con esta ubicación como principal. Cámbielos primero.",
  "A role with this name exists.": "Ya existe un rol con este nombre.",
  "A location with this name exists.": "Ya existe una ubicación con este nombre.",
  "Only organization-wide administrators create locations.":
    "Solo los administradores de toda la organización crean ubicaciones.",
  // Organization, sessions, audit, provisioning
  "Only organization-wide administrators change organization settings.":
    "Solo los administradores de toda la organización cambian la configuración de la organización.",
  "Only organization-wide administrators read the audit trail.":
    "Solo los administradores de toda la organización consultan el registro de auditoría.",
  "Only organization-wide administrators configure provisioning.":
    "Solo los administradores de toda la organización configuran el aprovisionamiento.",
  "Each licence type needs its own key.": "Cada tipo de licencia necesita su propia clave.",
  "Seats cannot be negative.": "Los puestos no pueden ser negativos.",
  "The idle limit cannot be longer than the session itself.":
    "El límite de inactividad no puede ser mayor que la duración de la sesión.",
  "Enter a whole number of minutes.": "Ingrese un número entero de minutos.",
  "Enter a whole number of hours.": "Ingrese un número entero de horas.",
  "You cannot end your own session here. Sign out instead.":
    "No puede finalizar su propia sesión aquí. Cierre sesión en su lugar.",
  "This token is already revoked.": "Este token ya está revocado.",
  "A group gives either a role or locations.": "Un grupo asigna un rol o ubicaciones, no ambos.",
  "A role or another group already has this name.": "Un rol u otro grupo ya tiene este nombre.",
  "Choose the default locations and the primary location together.":
    "Elija juntas las ubicaciones predeterminadas y la ubicación principal.",
  "The primary location must be one of the default locations.":
    "La ubicación principal debe ser una de las ubicaciones predeterminadas.",
  "Choose at least one role.": "Elija al menos un rol.",
  "Choose at least one location.": "Elija al menos una ubicación.",
  "This provisioning token may not give this role.":
    "Este token de aprovisionamiento no puede asignar este rol.",
  "This user holds a role this provisioning token may not manage.":
    "Este usuario tiene un rol que este token de aprovisionamiento no puede administrar.",
  "You can only let a token give access to locations you have yourself.":
    "Solo puede permitir que un token dé acceso a ubicaciones a las que usted tiene acceso.",
  "You cannot let a token give a role with permissions you do not hold.":
    "No puede permitir que un token asigne un rol con permisos que usted no tiene.",
  "You cannot map a role with permissions you do not hold.":
    "No puede asociar un rol con permisos que usted no tiene.",
  "Provisioning is not set up: an administrator chooses the default role and locations of new users in Settings › Provisioning.":
    "El aprovisionamiento no está configurado: un administrador elige el rol y las ubicaciones predeterminados de los usuarios nuevos en Configuración › Aprovisionamiento.",
  // Account and passwords (R16, R17)
  "Change your password before doing anything else.":
    "Cambie su contraseña antes de hacer cualquier otra cosa.",
  "Your current password is not correct.": "Su contraseña actual no es correcta.",
  "Choose a password different from the current one.": "Elija una contraseña distinta de la actual.",
  "Choose a password for your new account.": "Elija una contraseña para su cuenta nueva.",
  "This password is too common. Choose another.": "Esta contraseña es demasiado común. Elija otra.",
  "This password appeared in a data breach. Choose another.":
    "Esta contraseña apareció en una filtración de datos. Elija otra.",
  "This password is too long.": "Esta contraseña es demasiado larga.",
  "A password has at most 1024 characters.": "Una contraseña tiene como máximo 1024 caracteres.",
  "Do not use your name, email or the organization's name.":
    "No use su nombre, su correo electrónico ni el nombre de la organización.",
  "Enter a password.": "Ingrese una contraseña.",
  "Enter a temporary password.": "Ingrese una contraseña temporal.",
  "Too many failed sign-ins from this network. Try again later.":
    "Demasiados inicios de sesión fallidos desde esta red. Inténtelo más tarde.",
  "Too many reset requests from this network. Try again later.":
    "Demasiadas solicitudes de restablecimiento desde esta red. Inténtelo más tarde.",
  // Fields
  "This field is required.": "Este campo es obligatorio.",
  "Enter an email address like name@clinic.org.": "Ingrese un correo electrónico como nombre@clinica.org.",
  "An email address has at most 254 characters.": "Un correo electrónico tiene como máximo 254 caracteres.",
  "Enter the number in international form, like +14155550123.":
    "Ingrese el número en formato internacional, como +14155550123.",
  "Initials are 1–4 letters.": "Las iniciales tienen de 1 a 4 letras.",
  "An NPI has 10 digits.": "Un NPI tiene 10 dígitos.",
  "This NPI's check digit is wrong.": "El dígito de control de este NPI es incorrecto.",
  "Not a NUCC taxonomy code.": "No es un código de taxonomía NUCC.",
  "Capacity is at least 1.": "La capacidad es de al menos 1.",
  "Capacity is at most 100.": "La capacidad es de 100 como máximo.",
  "Use lowercase letters, digits, - or _.": "Use letras minúsculas, dígitos, - o _.",
  "The version must be a whole number.": "La versión debe ser un número entero.",
  "The page cursor is not valid.": "El cursor de página no es válido.",
  "Name contains an incomplete character.": "El nombre contiene un carácter incompleto.",
  "Name contains a control character or line break.":
    "El nombre contiene un carácter de control o un salto de línea.",
  "This field contains an incomplete character.": "Este campo contiene un carácter incompleto.",
  "This field contains a control character or line break.":
    "Este campo contiene un carácter de control o un salto de línea.",
  // Not found and defaults (DEFAULT_MESSAGES)
  "User not found.": "No se encontró el usuario.",
  "Role not found.": "No se encontró el rol.",
  "Location not found.": "No se encontró la ubicación.",
  "Session not found.": "No se encontró la sesión.",
  "Token not found.": "No se encontró el token.",
  "Organization not found.": "No se encontró la organización.",
};

/** Core's sentences with a number or a name in them: the pattern and its Spanish. */
const PATTERNS: readonly (readonly [RegExp, (...groups: string[]) => string])[] = [
  [/^All (\d[\d,]*) user seats are taken\.$/, (n) => `Los ${n} puestos de usuario están ocupados.`],
  [
    /^All (\d[\d,]*) practitioner seats are taken\.$/,
    (n) => `Los ${n} puestos de profesional clínico están ocupados.`,
  ],
  [
    /^All (\d[\d,]*) (.+) licences are taken\.$/,
    (n, label) => `Las ${n} licencias de ${label} están ocupadas.`,
  ],
  [
    /^All (\d[\d,]*) concurrent sessions of (.+) are in use\. Try again when someone signs out\.$/,
    (n, org) =>
      `Las ${n} sesiones simultáneas de ${org} están en uso. Inténtelo de nuevo cuando alguien cierre sesión.`,
  ],
  [/^Use at least (\d+) characters\.$/, (n) => `Use al menos ${n} caracteres.`],
  [/^Use at most (\d+) characters\.$/, (n) => `Use como máximo ${n} caracteres.`],
  [
    /^Sessions may idle at least (\d+) minutes\.$/,
    (n) => `La inactividad debe ser de al menos ${n} minutos.`,
  ],
  [
    /^Sessions may idle at most (\d+) minutes\.$/,
    (n) => `La inactividad puede ser de ${n} minutos como máximo.`,
  ],
  [
    /^A session lasts at least (\d+) hours?\.$/,
    (n) => `Una sesión dura al menos ${n} ${n === "1" ? "hora" : "horas"}.`,
  ],
  [/^A session lasts at most (\d+) hours\.$/, (n) => `Una sesión dura ${n} horas como máximo.`],
  [/^Choose between 1 and (\d+) users\.$/, (n) => `Elija entre 1 y ${n} usuarios.`],
  // Sentences that start with core's English field label: the label sits beside the field already.
  [/^.+ is required\.$/, () => "Este campo es obligatorio."],
  [/^.+ has at most (\d+) characters\.$/, (n) => `Use como máximo ${n} caracteres.`],
  [/^.+ contains an incomplete character\.$/, () => "Este campo contiene un carácter incompleto."],
  [
    /^.+ contains a control character or line break\.$/,
    () => "Este campo contiene un carácter de control o un salto de línea.",
  ],
];

/**
 * Core's English sentence in Spanish, or undefined when this table does not know it.
 *
 * @example spanishCoreSentence("You cannot disable yourself.") // "No puede desactivarse a sí mismo."
 */
export function spanishCoreSentence(message: string): string | undefined {
  const exact = EXACT[message];
  if (exact !== undefined) return exact;
  for (const [pattern, say] of PATTERNS) {
    const match = pattern.exec(message);
    if (match) return say(...match.slice(1));
  }
  return undefined;
}

/** Spanish per error code: what a Spanish screen shows when core's sentence is not in the table. */
export const spanishErrorCodes: Readonly<Record<ErrorCode, string>> = {
  validation: "Algunos campos no son válidos.",
  unauthenticated: "El correo electrónico o la contraseña no son correctos, o la sesión terminó.",
  forbidden: "No tiene permiso para hacer esto.",
  not_found: "No se encontró.",
  conflict: "Esto entra en conflicto con el estado actual.",
  stale: "Este registro cambió desde que lo leyó. Vuelva a cargar e inténtelo de nuevo.",
  precondition_required: "Se necesita la versión que leyó para hacer este cambio.",
  rule: "Una regla de la organización no permite esto.",
  rate_limited: "Demasiadas solicitudes. Inténtelo más tarde.",
};

/** Spanish per rule sub-code (every one), the layer under the exact sentences. */
export const spanishRuleCodes: Readonly<Record<RuleCode, string>> = {
  last_admin: "Debe quedar al menos un administrador activo.",
  self_change: "No puede hacer este cambio en su propia cuenta.",
  main_contact_only: "Solo el contacto principal de la organización puede hacer esto.",
  location_required: "Cree una ubicación antes de agregar usuarios.",
  primary_location_outside_access: "La ubicación principal debe ser una de las ubicaciones del usuario.",
  seat_limit: "Todos los puestos de usuario están ocupados.",
  concurrent_seat_limit:
    "Todas las sesiones simultáneas están en uso. Inténtelo cuando alguien cierre sesión.",
  licence_seat_limit: "Todas las licencias de este tipo están ocupadas.",
  practitioner_seat_limit: "Todos los puestos de profesional clínico están ocupados.",
  feature_disabled: "La organización no tiene esta función.",
  mobile_needs_phone: "Un usuario que inicia sesión en la aplicación móvil necesita un teléfono principal.",
  role_in_use: "Hay personas con este rol. Asígneles otro rol primero.",
  location_in_use: "Hay usuarios con esta ubicación como principal. Cámbielos primero.",
  licence_in_use: "Hay usuarios con esta licencia. Quítesela primero.",
  invalid_state: "No se puede hacer esto en el estado actual.",
  password_policy: "Esta contraseña no cumple la política de contraseñas.",
  must_change_password: "Cambie su contraseña antes de hacer cualquier otra cosa.",
};

/** Spanish per field issue code, the layer under the exact sentences for a field. */
const ISSUE_CODES: Readonly<Record<string, string>> = {
  required: "Este campo es obligatorio.",
  invalid_email: "Ingrese un correo electrónico como nombre@clinica.org.",
  duplicate_email: "Ya existe un usuario con este correo electrónico.",
  existing_account: "Esta persona ya tiene una cuenta. Invítela en su lugar.",
  duplicate: "Un valor aparece dos veces.",
  unknown_location: "Esta ubicación no existe.",
  unknown_role: "Este rol no existe.",
  unknown_licence: "La organización no tiene esa licencia.",
  unknown_provider_type: "La organización no usa este tipo de proveedor.",
  outside_access: "Los tipos de proveedor solo se aplican en ubicaciones a las que el usuario tiene acceso.",
  not_practitioner: "Solo los profesionales clínicos tienen perfil de proveedor.",
  too_short: "Es demasiado corto.",
  too_long: "Es demasiado largo.",
  too_small: "El valor es demasiado bajo.",
  too_big: "El valor es demasiado alto.",
  too_common: "Esta contraseña es demasiado común. Elija otra.",
  too_personal: "No use su nombre, su correo electrónico ni el nombre de la organización.",
  breached: "Esta contraseña apareció en una filtración de datos. Elija otra.",
  incorrect: "Su contraseña actual no es correcta.",
  unchanged: "Elija una contraseña distinta de la actual.",
  unknown_field: "Este campo no se puede establecer aquí.",
  control_character: "Este campo contiene un carácter de control o un salto de línea.",
  unpaired_surrogate: "Este campo contiene un carácter incompleto.",
};

/**
 * A field issue in Spanish: core's sentence, else its issue code's, else a generic line (never English).
 *
 * @example spanishIssue({ path: ["email"], code: "required", message: "This field is required." }) // "Este campo es obligatorio."
 */
export function spanishIssue(issue: FieldIssue): string {
  return spanishCoreSentence(issue.message) ?? ISSUE_CODES[issue.code] ?? "Revise el valor de este campo.";
}
