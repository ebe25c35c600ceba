/**
 * Which writing system a character belongs to, by the Unicode Script and Script_Extensions
 * properties, for the author-name rules (schema.ts). JavaScript can test a property value
 * (`\p{Script=Armenian}`) but not name it, so the values are listed here, the Script property's
 * long names as Unicode 17 spells them; a name the running engine does not know is skipped (its
 * Unicode has no such letters), and tests/content/schema.test.ts checks that every code point has
 * one of these scripts, Common, Inherited or Unknown.
 */
export const SCRIPT_NAMES: readonly string[] = `
  Adlam Ahom Anatolian_Hieroglyphs Arabic Armenian Avestan Balinese Bamum Bassa_Vah Batak Bengali
  Beria_Erfe Bhaiksuki Bopomofo Brahmi Braille Buginese Buhid Canadian_Aboriginal Carian
  Caucasian_Albanian Chakma Cham Cherokee Chorasmian Coptic Cuneiform Cypriot Cypro_Minoan
  Cyrillic Deseret Devanagari Dives_Akuru Dogra Duployan Egyptian_Hieroglyphs Elbasan Elymaic
  Ethiopic Garay Georgian Glagolitic Gothic Grantha Greek Gujarati Gunjala_Gondi Gurmukhi
  Gurung_Khema Han Hangul Hanifi_Rohingya Hanunoo Hatran Hebrew Hiragana Imperial_Aramaic
  Inscriptional_Pahlavi Inscriptional_Parthian Javanese Kaithi Kannada Katakana Kawi Kayah_Li
  Kharoshthi Khitan_Small_Script Khmer Khojki Khudawadi Kirat_Rai Lao Latin Lepcha Limbu Linear_A
  Linear_B Lisu Lycian Lydian Mahajani Makasar Malayalam Mandaic Manichaean Marchen Masaram_Gondi
  Medefaidrin Meetei_Mayek Mende_Kikakui Meroitic_Cursive Meroitic_Hieroglyphs Miao Modi Mongolian
  Mro Multani Myanmar Nabataean Nag_Mundari Nandinagari New_Tai_Lue Newa Nko Nushu
  Nyiakeng_Puachue_Hmong Ogham Ol_Chiki Ol_Onal Old_Hungarian Old_Italic Old_North_Arabian
  Old_Permic Old_Persian Old_Sogdian Old_South_Arabian Old_Turkic Old_Uyghur Oriya Osage Osmanya
  Pahawh_Hmong Palmyrene Pau_Cin_Hau Phags_Pa Phoenician Psalter_Pahlavi Rejang Runic Samaritan
  Saurashtra Sharada Shavian Siddham Sidetic SignWriting Sinhala Sogdian Sora_Sompeng Soyombo
  Sundanese Sunuwar Syloti_Nagri Syriac Tagalog Tagbanwa Tai_Le Tai_Tham Tai_Viet Tai_Yo Takri
  Tamil Tangsa Tangut Telugu Thaana Thai Tibetan Tifinagh Tirhuta Todhri Tolong_Siki Toto
  Tulu_Tigalari Ugaritic Vai Vithkuqi Wancho Warang_Citi Yezidi Yi Zanabazar_Square
`
  .trim()
  .split(/\s+/);

interface Script {
  name: string;
  script: RegExp;
  extensions: RegExp;
}

const SCRIPTS: Script[] = SCRIPT_NAMES.flatMap((name) => {
  try {
    return [{ name, script: new RegExp(`\\p{Script=${name}}`, 'v'), extensions: new RegExp(`\\p{scx=${name}}`, 'v') }];
  } catch {
    return [];
  }
});

/**
 * Scripts that one word may mix, as UTS #39 ("Unicode Security Mechanisms", 5.1) augments them:
 * Japanese writes Han with Hiragana and Katakana, Korean Han with Hangul, Chinese Han with
 * Bopomofo.
 */
const WRITING_SYSTEMS: Record<string, string[]> = {
  Han: ['Han with Bopomofo', 'Japanese', 'Korean'],
  Hiragana: ['Japanese'],
  Katakana: ['Japanese'],
  Hangul: ['Korean'],
  Bopomofo: ['Han with Bopomofo'],
};

export interface CharacterScripts {
  /** The character's own script, for messages (`Armenian`); `undefined` for Common and Inherited. */
  script: string | undefined;
  /**
   * Every script the character is written in (Script_Extensions, augmented as UTS #39 does);
   * `undefined` for a character that goes with any script: Script Common or Inherited (combining
   * accents, apostrophes, hyphens, digits), whatever scripts its extensions name.
   */
  scripts: ReadonlySet<string> | undefined;
}

const cache = new Map<string, CharacterScripts>();

/** The scripts of one character (one code point). */
export function scriptsOf(char: string): CharacterScripts {
  let found = cache.get(char);
  if (found) return found;
  if (/[\p{Script=Common}\p{Script=Inherited}]/v.test(char)) found = { script: undefined, scripts: undefined };
  else {
    const scripts = new Set<string>();
    for (const { name, extensions } of SCRIPTS) {
      if (!extensions.test(char)) continue;
      scripts.add(name);
      for (const system of WRITING_SYSTEMS[name] ?? []) scripts.add(system);
    }
    const script = SCRIPTS.find(({ script }) => script.test(char))?.name ?? 'Unknown';
    // A script this engine knows but the list does not (a newer Unicode): its letters go together.
    if (scripts.size === 0) scripts.add(script);
    found = { script: script.replaceAll('_', ' '), scripts };
  }
  cache.set(char, found);
  return found;
}
