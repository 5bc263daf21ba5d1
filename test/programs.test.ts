import { describe, expect, it } from 'vitest';
import { editorAndPager, linkOpener, namedProgram } from '../src/terminal/programs.js';

describe('programs the environment names', () => {
  it('takes a variable set but empty, or blank, as not set', () => {
    expect(namedProgram({ BROWSER: '' }, 'BROWSER')).toBeNull();
    expect(linkOpener({ BROWSER: '' }, 'linux')).toEqual(['xdg-open']);
    expect(linkOpener({ BROWSER: '  ' }, 'darwin')).toEqual(['open']);
    expect(editorAndPager({ VISUAL: '', EDITOR: ' ', PAGER: '' })).toEqual({
      editor: 'vi',
      pager: 'less',
    });
    expect(editorAndPager({ VISUAL: '', EDITOR: 'nano', PAGER: ' ' })).toEqual({
      editor: 'nano',
      pager: 'less',
    });
  });

  it('reads a command with its options, VISUAL before EDITOR', () => {
    expect(linkOpener({ BROWSER: 'firefox  --new-tab' }, 'linux')).toEqual([
      'firefox',
      '--new-tab',
    ]);
    expect(editorAndPager({ VISUAL: 'code -w', EDITOR: 'vi', PAGER: 'less -R' })).toEqual({
      editor: 'code -w',
      pager: 'less -R',
    });
  });
});
