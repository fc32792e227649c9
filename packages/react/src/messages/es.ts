import { spanishAccountMessages } from "../widgets/account/messages.es";
import { spanishAuditMessages } from "../widgets/audit-trail/messages.es";
import { spanishCredentialsMessages } from "../widgets/credentials/messages.es";
import { spanishImportUsersMessages } from "../widgets/import-users-dialog/messages.es";
import { spanishInviteManyMessages } from "../widgets/invite-user-dialog/invite-many-messages.es";
import { spanishLocationsMessages } from "../widgets/locations-manager/messages.es";
import { spanishOrganizationSettingsMessages } from "../widgets/organization-settings/messages.es";
import { spanishSwitcherMessages } from "../widgets/organization-switcher/messages.es";
import { spanishProvisioningMessages } from "../widgets/provisioning-settings/messages.es";
import { spanishRolesMessages } from "../widgets/roles-manager/messages.es";
import { spanishSessionsMessages } from "../widgets/sessions-manager/messages.es";
import { spanishCoreSentence, spanishErrorCodes, spanishIssue, spanishRuleCodes } from "./core-messages.es";
import type { Messages } from "./messages";

const n = (value: number): string => value.toLocaleString("es-US");
const plural = (count: number, one: string, many: string) => `${n(count)} ${count === 1 ? one : many}`;

/**
 * Every string the widgets show, in the Spanish of US clinics (es-US, formal "usted"). Typed as the
 * complete {@link Messages}: a key added in English and missing here fails the typecheck. Core's
 * English refusals and field issues are translated by `errors.translate` / `errors.issue` (its exact
 * sentence, else its rule, else its code), so a Spanish screen shows no English refusal text. Pass
 * it with the matching locale so dates and numbers follow.
 *
 * @example
 * <StaffroomProvider directory={directory} locale="es-US" messages={spanishMessages}>
 *   <UserDirectory />
 * </StaffroomProvider>
 */
export const spanishMessages: Messages = {
  common: {
    cancel: "Cancelar",
    close: "Cerrar",
    save: "Guardar",
    saving: "Guardando…",
    retry: "Intentar de nuevo",
    reload: "Volver a cargar",
    loading: "Cargando…",
    required: "obligatorio",
    fieldRequired: "Este campo es obligatorio.",
    optional: "opcional",
    yes: "Sí",
    no: "No",
    never: "Nunca",
    allLocations: "Todas las ubicaciones",
    unexpectedError: "Algo salió mal. Inténtelo de nuevo.",
    moreLocations: (count) => `+${n(count)}`,
  },
  status: { active: "Activo", pending: "Pendiente", disabled: "Desactivado" },
  badges: {
    mainContact: "Contacto principal",
    provider: "Proveedor",
    locked: "Bloqueado",
    mustChangePassword: "Debe cambiar la contraseña",
    caseManager: "Administrador de casos",
    invitationExpired: "Invitación vencida",
    npi: (npi) => `NPI ${npi}`,
  },
  errors: {
    code: {},
    rule: {},
    issue: spanishIssue,
    refusal: () => undefined,
    translate: (failure) =>
      spanishCoreSentence(failure.message) ??
      (failure.rule ? spanishRuleCodes[failure.rule] : undefined) ??
      spanishErrorCodes[failure.code],
    unexpected: "Algo salió mal. Inténtelo de nuevo.",
    staleTitle: "Otra persona modificó este usuario",
    staleBody:
      "Sus cambios no se guardaron. Vuelva a cargar para ver la versión más reciente y haga sus cambios de nuevo.",
    unsavedTitle: "Se cargó la versión más reciente",
    unsavedBody:
      "Otra persona guardó primero; sus cambios ya están en el formulario. Sus cambios en los campos que esa persona no tocó se restablecieron. Donde ambos cambiaron un campo, elija cuál conservar y luego guarde.",
    unsavedKept: (label, value) => `${label}: se restableció su cambio (${value}).`,
    unsavedYours: (value) => `El suyo: ${value}`,
    unsavedNow: (value) => `Ahora: ${value}`,
    unsavedUseMine: "Usar el mío",
    unsavedUseNow: "Conservar el de la otra persona",
    unsavedEmpty: "(vacío)",
  },
  directory: {
    title: "Usuarios",
    description:
      "El personal que puede iniciar sesión en esta organización, sus roles y las clínicas que puede ver.",
    tabsLabel: "Estado del usuario",
    tab: { active: "Activos", pending: "Pendientes", disabled: "Desactivados" },
    searchLabel: "Buscar usuarios",
    searchPlaceholder: "Buscar por nombre, correo electrónico o NPI",
    locationFilter: "Ubicación",
    anyLocation: "Todas las ubicaciones",
    roleFilter: "Rol",
    anyRole: "Todos los roles",
    adminsOnly: "Solo administradores",
    adminsOnlyHint: (roles) =>
      roles.length > 0
        ? `Roles que administran usuarios: ${roles.join(", ")}`
        : "Roles que administran usuarios",
    practitionersOnly: "Solo proveedores",
    clearFilters: "Borrar filtros",
    createUser: "Nuevo usuario",
    inviteUser: "Invitar usuario",
    inviteMany: "Invitar a varios",
    invitedMany: (succeeded, failed) =>
      failed === 0
        ? `Invitaciones enviadas a ${plural(succeeded, "persona", "personas")}.`
        : `Invitaciones enviadas a ${n(succeeded)}; no se pudo invitar a ${n(failed)}.`,
    tableLabel: "Usuarios",
    selectAll: "Seleccionar todos los usuarios de esta página",
    selectRow: (name) => `Seleccionar a ${name}`,
    columns: {
      name: "Nombre",
      email: "Correo electrónico",
      role: "Rol",
      locations: "Ubicaciones",
      lastSignIn: "Último inicio de sesión",
      invitedAt: "Invitado el",
      expires: "Vence",
      timesSent: "Veces enviada",
      resend: "Reenviar",
      createdAt: "Agregado",
      actions: "Acciones",
    },
    sortAscending: "orden ascendente",
    sortDescending: "orden descendente",
    rowActions: (name) => `Acciones para ${name}`,
    noActions: "No hay acciones disponibles",
    action: {
      edit: "Editar",
      disable: "Desactivar",
      restore: "Restaurar",
      delete: "Eliminar definitivamente",
      resendInvitation: "Reenviar invitación",
      revokeInvitation: "Revocar invitación",
      resetPassword: "Restablecer contraseña",
      unlock: "Desbloquear",
    },
    empty: {
      active: "Todavía no hay usuarios activos",
      pending: "No hay invitaciones pendientes",
      disabled: "No hay usuarios desactivados",
    },
    emptyFiltered: "Ningún usuario coincide con su búsqueda",
    emptyHint: "Pruebe con otro nombre o correo electrónico, o borre los filtros.",
    loadError: "No se pudieron cargar los usuarios.",
    range: (from, to, total) => (total === 0 ? "0 usuarios" : `${n(from)}–${n(to)} de ${n(total)}`),
    previousPage: "Página anterior",
    nextPage: "Página siguiente",
    pagination: "Páginas",
    selected: (count) => `${plural(count, "usuario seleccionado", "usuarios seleccionados")}`,
    clearSelection: "Borrar selección",
    bulkLabel: "Acciones en bloque",
    bulk: { disable: "Desactivar", restore: "Restaurar", delete: "Eliminar definitivamente" },
    bulkSetRole: "Cambiar el rol a",
    bulkSetRoleApply: "Aplicar rol",
    bulkResult: (succeeded, failed) =>
      failed === 0
        ? `Listo: ${plural(succeeded, "usuario actualizado", "usuarios actualizados")}.`
        : `${n(succeeded)} ${succeeded === 1 ? "completado" : "completados"}, ${n(failed)} ${failed === 1 ? "con error" : "con errores"}.`,
    bulkConfirmDelete: (count) => `¿Eliminar definitivamente ${plural(count, "usuario", "usuarios")}?`,
    bulkConfirmDeleteBody:
      "Se borran sus perfiles, accesos y sesiones en esta organización, junto con sus nombres y datos en el registro de auditoría (sus eventos se conservan, sin ellos). Se eliminan las cuentas de inicio de sesión que no tengan otra organización. Esta acción no se puede deshacer. Escriba ELIMINAR para confirmar.",
    bulkDeleteWord: "ELIMINAR",
    bulkConfirmDisable: (count) => `¿Desactivar ${plural(count, "usuario", "usuarios")}?`,
    bulkConfirmDisableBody:
      "Se cierra su sesión de inmediato y ya no pueden iniciar sesión. Su historial se conserva, y puede restaurarlos desde la pestaña Desactivados.",
    bulkConfirmDisableAction: (count) => `Desactivar ${plural(count, "usuario", "usuarios")}`,
    bulkPeople: (names, more) => (more > 0 ? `${names.join(", ")} y ${n(more)} más` : names.join(", ")),
    bulkSkippedTitle: (count) => (count === 1 ? "Se omite 1 persona:" : `Se omiten ${n(count)} personas:`),
    bulkSkipped: (name, reason) => `${name}: ${reason}`,
    bulkNotOffered: "Esta acción no se aplica a esta persona.",
    actionDone: {
      edit: (name) => `Se actualizó a ${name}.`,
      disable: (name) => `Se desactivó a ${name}.`,
      restore: (name) => `Se restauró a ${name}.`,
      delete: (name) => `Se eliminó a ${name}.`,
      resendInvitation: (name) => `Se envió una nueva invitación a ${name}.`,
      revokeInvitation: (name) => `Se revocó la invitación de ${name}.`,
      resetPassword: (name) => `Se restableció la contraseña de ${name}.`,
      unlock: (name) => `Se desbloqueó a ${name}.`,
    },
    invitationSent: (email) => `Se envió la invitación a ${email}.`,
    invitationExpired: "Vencida",
    resend: "Reenviar",
    resendTo: (name) => `Reenviar la invitación a ${name}`,
    userCreated: (name) => `Se agregó a ${name}.`,
    userUpdated: (name) => `Se actualizó a ${name}.`,
    dismiss: "Cerrar aviso",
  },
  confirm: {
    disableTitle: (name) => `¿Desactivar a ${name}?`,
    disableBody:
      "Se cierra su sesión y ya no puede iniciar sesión. Su historial se conserva, y puede restaurarlo desde la pestaña Desactivados.",
    disableConfirm: "Desactivar usuario",
    deleteTitle: (name) => `¿Eliminar definitivamente a ${name}?`,
    deleteBody: "Se borra de esta organización. Esta acción no se puede deshacer.",
    deleteErasedTitle: "Se borra de esta organización",
    deleteErased: [
      "Su perfil: nombre, iniciales, títulos, correo electrónico, teléfonos y datos de proveedor como el NPI y la biografía",
      "Su rol, su acceso a ubicaciones, sus sesiones y cualquier invitación",
      "Su nombre, correo electrónico, direcciones IP y datos personales en cada evento de auditoría y, por lo tanto, en las exportaciones",
      "Su cuenta de inicio de sesión, salvo que también pertenezca a otra organización",
    ],
    deleteKeptTitle: "Se conserva",
    deleteKept: (erased) => [
      `Cada evento de auditoría en el que participó, con “${erased}” en su lugar: qué se hizo, cuándo y los cambios de rol y acceso`,
      "Un registro de esta eliminación: quién la hizo y cuándo",
      "Todo lo que otra organización a la que pertenece tenga sobre esta persona",
    ],
    deleteConfirm: "Eliminar definitivamente",
    typeToConfirm: (text) => `Escriba ${text} para confirmar`,
    revokeTitle: (name) => `¿Revocar la invitación de ${name}?`,
    revokeBody:
      "El enlace de la invitación deja de funcionar y se libera el puesto. Su nombre, correo electrónico y datos se borran de esta organización, incluido el registro de auditoría; este conserva constancia de que se revocó la invitación, quién lo hizo y cuándo.",
    revokeConfirm: "Revocar invitación",
  },
  resetPassword: {
    title: (name) => `Restablecer la contraseña de ${name}`,
    description:
      "Establezca una contraseña temporal para entregarla, o envíe un enlace por correo electrónico para que la persona elija una.",
    modeLabel: "Cómo restablecerla",
    modeTemporary: "Establecer una contraseña temporal",
    modeTemporaryHint:
      "Entréguela en persona o por teléfono; la persona elegirá la suya en el próximo inicio de sesión.",
    modeLink: "Enviar un enlace por correo electrónico",
    modeLinkHint: (email) => `Se envía a ${email} un enlace de un solo uso válido por 60 minutos.`,
    password: "Contraseña temporal",
    confirmPassword: "Confirme la contraseña",
    mismatch: "Las contraseñas no coinciden.",
    mustChange: "Exigir una contraseña nueva en el próximo inicio de sesión",
    submitTemporary: "Establecer contraseña",
    submitLink: "Enviar enlace",
    doneTemporary: (name) => `Se estableció la contraseña temporal de ${name}.`,
    doneLink: (email) => `Se envió un enlace para restablecer la contraseña a ${email}.`,
  },
  userForm: {
    createTitle: "Nuevo usuario",
    editTitle: (name) => `Editar a ${name}`,
    createDescription:
      "Cree un usuario que pueda iniciar sesión de inmediato con la contraseña que usted establezca.",
    editDescription: "Los cambios se aplican la próxima vez que abra una página.",
    readOnlyTitle: "Puede ver este usuario, pero no modificarlo",
    readOnly: "Este usuario está fuera de lo que usted puede administrar.",
    sections: {
      profile: "Perfil",
      access: "Rol y ubicaciones",
      sign: "Inicio de sesión",
      provider: "Credenciales de proveedor",
      options: "Opciones",
    },
    email: "Correo electrónico",
    emailHint: "Su correo electrónico del trabajo; también es su nombre de usuario.",
    givenName: "Nombre",
    familyName: "Apellido",
    initials: "Iniciales",
    initialsHint: "Se toman del nombre si se deja vacío.",
    title: "Título",
    titleHint: "Aparece después del nombre, como en Jane Smith RN.",
    jobTitle: "Cargo",
    primaryPhone: "Teléfono principal",
    phoneHint:
      "En formato internacional, como +14155550123. También es su inicio de sesión en la aplicación móvil, así que lo necesita para iniciar sesión allí.",
    alternatePhone: "Teléfono alternativo",
    role: "Rol",
    chooseRole: "Elija un rol",
    roleRequired: "Elija un rol.",
    primaryLocationRequired: "Elija una ubicación principal.",
    roleScreens: (screens) => `Abre: ${screens}`,
    access: "Acceso a ubicaciones",
    accessOrganization: "Todas las ubicaciones de la organización",
    accessLocations: "Solo estas ubicaciones",
    locations: "Ubicaciones",
    primaryLocation: "Ubicación principal",
    chooseLocation: "Elija una ubicación",
    password: "Contraseña",
    confirmPassword: "Confirme la contraseña",
    passwordMismatch: "Las contraseñas no coinciden.",
    mustChangePassword: "Exigir una contraseña nueva en el primer inicio de sesión",
    practitioner: "Profesional clínico (atiende pacientes)",
    diary: "Tiene una columna en la agenda",
    caseManager: "Administrador de casos",
    webLogin: "Puede iniciar sesión en la web",
    mobileLogin: "Puede iniciar sesión en la aplicación móvil",
    licences: "Licencias",
    npi: "NPI",
    taxonomyCodes: "Códigos de taxonomía",
    taxonomyHint: "Códigos NUCC separados por comas, como 207Q00000X.",
    bio: "Biografía",
    capacity: "Capacidad",
    schedulingStep: "Intervalo de programación",
    minutes: (m) => `${n(m)} minutos`,
    providerTypes: "Tipos de proveedor",
    submitCreate: "Crear usuario",
    submitEdit: "Guardar cambios",
  },
  invite: {
    title: "Invitar a un usuario",
    description:
      "Recibirá un correo electrónico con un enlace para establecer su contraseña y unirse. El enlace funciona durante 7 días.",
    submit: "Enviar invitación",
  },
  roles: spanishRolesMessages,
  locations: spanishLocationsMessages,
  provisioning: spanishProvisioningMessages,
  organizationSettings: spanishOrganizationSettingsMessages,
  audit: spanishAuditMessages,
  switcher: spanishSwitcherMessages,
  account: spanishAccountMessages,
  sessions: spanishSessionsMessages,
  inviteMany: spanishInviteManyMessages,
  credentials: spanishCredentialsMessages,
  importUsers: spanishImportUsersMessages,
  access: {
    screens: {
      users: "Usuarios",
      roles: "Roles",
      locations: "Ubicaciones",
      organization: "Configuración de la organización",
      sessions: "Sesiones",
      provisioning: "Aprovisionamiento",
      audit: "Registro de auditoría",
    },
    noAccess: (screen) => `No tiene acceso a ${screen}: pida acceso a un administrador.`,
  },
  userCards: { status: "Estado" },
};
