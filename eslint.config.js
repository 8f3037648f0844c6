import { defineConfigWithVueTs, vueTsConfigs } from '@vue/eslint-config-typescript'
import pluginVue from 'eslint-plugin-vue'
import pluginVitest from '@vitest/eslint-plugin'
import skipFormatting from 'eslint-config-prettier'

export default defineConfigWithVueTs(
  { name: 'app/ignores', ignores: ['dist*/**', 'dev-dist/**', 'coverage/**', 'test-results*/**', '.catalogue/**'] },
  pluginVue.configs['flat/recommended'],
  vueTsConfigs.recommended,
  // Type-only imports are the type-check's to enforce (verbatimModuleSyntax, in @vue/tsconfig):
  // the lint rule for them would make every file's lint build a TypeScript program, three times
  // the time of the whole lint without it.
  {
    name: 'app/rules',
    rules: {
      // Standards and imported files are untrusted text: never render them as markup.
      'vue/no-v-html': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  {
    name: 'app/schema-library',
    files: ['src/**'],
    ignores: ['src/domain/zod.ts'],
    rules: {
      // Through src/domain/zod.ts only, which configures it for the Content-Security-Policy.
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'zod', message: "Import z from '@/domain/zod'.", allowTypeImports: true },
          ],
        },
      ],
    },
  },
  {
    name: 'app/tests',
    files: ['tests/unit/**', 'tests/components/**'],
    ...pluginVitest.configs.recommended,
  },
  skipFormatting,
)
