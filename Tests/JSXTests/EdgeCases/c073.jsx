export { a as default }; var a
