/** @type {import("next").NextConfig} */
export default {
  // Workspace packages are built ESM/CJS already; Next bundles them like any dependency.
  serverExternalPackages: ["@staffroom/core", "@staffroom/rest", "@staffroom/scim"],
};
