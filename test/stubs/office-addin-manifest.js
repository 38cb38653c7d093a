/* global module */
// office-addin-mock only needs office-addin-manifest for usage-data hooks and the OfficeApp
// enum (to special-case Outlook); nothing else in the mock's API uses it.
module.exports = {
  OfficeApp: {
    Excel: "excel",
    OneNote: "onenote",
    Outlook: "outlook",
    PowerPoint: "powerpoint",
    Project: "project",
    Word: "word",
  },
  OfficeAddinManifest: { readManifestFile: async () => ({}) },
  readManifestFile: async () => ({}),
};
