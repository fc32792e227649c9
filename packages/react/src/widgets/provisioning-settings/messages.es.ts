import type { ProvisioningMessages } from "./messages";

/**
 * Spanish (es-US) strings of ProvisioningSettings; typed as the whole {@link ProvisioningMessages}.
 *
 * @example spanishProvisioningMessages.title // "Aprovisionamiento"
 */
export const spanishProvisioningMessages: ProvisioningMessages = {
  title: "Aprovisionamiento",
  description:
    "Permita que su proveedor de identidad (Okta, Microsoft Entra ID …) cree, actualice y quite personal mediante SCIM 2.0. Todas las reglas de Staffroom se le aplican igual que a una persona.",
  loading: "Cargando…",
  loadError: "No se pudo cargar el aprovisionamiento.",
  readOnly: "Solo un administrador de toda la organización configura el aprovisionamiento.",
  endpoint: {
    label: "Punto de conexión SCIM",
    hint: "Ingrese esta URL base y un token en su proveedor de identidad.",
    copy: "Copiar URL",
    copied: "URL copiada",
  },
  tokens: {
    heading: "Tokens",
    tableLabel: "Tokens de aprovisionamiento",
    columns: {
      label: "Token",
      grants: "Puede asignar",
      lastUsed: "Último uso",
      status: "Estado",
      actions: "Acciones",
    },
    empty: "Todavía no hay tokens",
    emptyHint: "Cree un token y péguelo en su proveedor de identidad.",
    create: "Nuevo token",
    active: "Activo",
    revoked: "Revocado",
    never: "Nunca",
    allLocations: "todas las ubicaciones",
    grants: (roles, locations) => `${roles} · ${locations}`,
    revoke: "Revocar",
    revokeLabel: (label) => `Revocar ${label}`,
    confirmRevoke: {
      title: (label) => `¿Revocar ${label}?`,
      body: "Se rechazará la próxima solicitud de su proveedor de identidad con este token. Esto no se puede deshacer: cree un token nuevo en su lugar.",
      confirm: "Revocar token",
    },
    revokedDone: (label) => `Se revocó ${label}.`,
  },
  createDialog: {
    title: "Nuevo token de aprovisionamiento",
    description:
      "El token solo puede asignar estos roles y ubicaciones, y solo administra a las personas que tienen uno de estos roles.",
    label: "Nombre",
    labelHint: "Qué proveedor de identidad lo usa, p. ej., Okta.",
    roles: "Roles que puede asignar",
    rolesHint: "Solo se ofrecen los roles cuyos permisos usted tiene.",
    locations: "Ubicaciones que puede asignar",
    everyLocation: "Todas las ubicaciones",
    someLocations: "Solo estas ubicaciones",
    submit: "Crear token",
    cancel: "Cancelar",
  },
  secret: {
    title: "Copie el token ahora",
    body: "Esta es la única vez que se muestra. Staffroom solo guarda una huella digital del token.",
    label: "Token",
    copy: "Copiar token",
    copied: "Token copiado",
    done: "Listo",
  },
  mapping: {
    heading: "Grupos y valores predeterminados",
    description:
      "Los roles son grupos con su mismo nombre. Asocie otros grupos de su proveedor de identidad a un rol o a ubicaciones; las personas reciben los valores predeterminados hasta que un grupo indique otra cosa.",
    defaultRole: "Rol predeterminado",
    defaultRoleHint:
      "Se asigna a las personas que crea el proveedor de identidad y a quienes salen de su grupo de rol.",
    defaultLocations: "Ubicaciones predeterminadas",
    defaultPrimary: "Ubicación principal predeterminada",
    none: "Sin asignar",
    groupsHeading: "Grupos asociados",
    groupsHint:
      "Las ubicaciones de una persona son la unión de sus grupos de ubicación; su rol es el del último grupo de rol al que se unió.",
    groupName: "Nombre del grupo en el proveedor de identidad",
    groupGives: "Asigna",
    givesRole: "Un rol",
    givesLocations: "Ubicaciones",
    role: "Rol",
    location: "Ubicación",
    everyLocation: "Todas las ubicaciones",
    addGroup: "Agregar un grupo",
    removeGroup: (name) => `Quitar ${name || "este grupo"}`,
    save: "Guardar",
    saved: "Se guardó la configuración de aprovisionamiento.",
    staleTitle: "Otra persona guardó esta configuración antes",
    staleBody: "Vuelva a cargar para ver su versión y haga su cambio de nuevo.",
    reload: "Volver a cargar",
    rowLabel: (index) => `Grupo ${index}`,
  },
  activity: {
    heading: "Actividad reciente de aprovisionamiento",
    empty: "Su proveedor de identidad todavía no ha cambiado nada.",
    listLabel: "Actividad reciente de aprovisionamiento",
    item: (action, target, token) => `${token}: ${action} — ${target}`,
  },
  dismiss: "Cerrar aviso",
};
