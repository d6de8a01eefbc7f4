'use client'; export default () => null
