// Tailwind v4 ships as a single PostCSS plugin (imports and prefixing included).
const config = {
  plugins: {
    "@tailwindcss/postcss": {},
  },
};

export default config;
