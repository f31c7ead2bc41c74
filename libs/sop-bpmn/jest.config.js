const { projectConfig } = require('../../jest.preset');
// bpmn-moddle and its dependencies are ES modules only: @swc/jest turns them into CommonJS for jest
// (Node itself loads them with require() as they are).
module.exports = { ...projectConfig(__dirname, 'sop-bpmn'), transformIgnorePatterns: ['/node_modules/(?!(bpmn-moddle|moddle|moddle-xml|min-dash|saxen)/)'] };
