/* global module */
// office-addin-mock only needs office-addin-manifest for usage-data hooks; nothing in the mock's API uses it.
module.exports = {
  OfficeAddinManifest: { readManifestFile: async () => ({}) },
  readManifestFile: async () => ({}),
};
