const { projectConfig } = require('../../jest.preset');
// bpmn-moddle (for sop export/import --format bpmn) and its dependencies are ES modules only: swc makes them CommonJS for jest
module.exports = { ...projectConfig(__dirname, 'cli'), transformIgnorePatterns: ['/node_modules/(?!(bpmn-moddle|moddle|moddle-xml|min-dash|saxen)/)'] };
