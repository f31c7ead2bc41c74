// Jest does not read style sheets: a module's `import './x.css'` gets this empty module (jest.config.cjs).
module.exports = {};
