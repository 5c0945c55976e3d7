/*
 * The hub's search text pipeline for lunr.js 2.3.9: the twin of plugins/hub_search/pipeline.py.
 *
 * The index is built in Python; a reader's query must become the same terms the index holds, so
 * every step here mirrors a Python function of the same name, and tests/search/vectors.json proves
 * they agree (tests/node/pipeline_vectors.test.mjs). Read docs/search-pipeline.md before changing
 * anything: a change on one side only silently breaks search.
 *
 * A language is described by its profile, produced at build time by Python's
 * `profile(lang).as_json()`; this file holds no per-language tables. Use:
 *
 *   HubSearchPipeline.configure(lunr, profile);  // registers hub-trimmer, hub-fold-<lang>, ...
 *   var index = lunr.Index.load(serialisedIndex);
 *   HubSearchPipeline.tokens("Čuvanje dece", "sr");   // ["cuvanj", "dec"]
 *
 * A profile with a Snowball stemmer needs its file loaded first in the browser:
 * stemmers/base-stemmer.js, then stemmers/<algorithm>.js (Node loads them itself).
 * Plain script in the browser (window.HubSearchPipeline), CommonJS in Node.
 */
(function (root, factory) {
  if (typeof module === "object" && module.exports) {
    module.exports = factory(require("lunr"), function (algorithm) {
      return require("./stemmers/" + algorithm + ".js");
    });
  } else {
    root.HubSearchPipeline = factory(root.lunr, function (algorithm) {
      var stemmer = root.HubSnowball && root.HubSnowball[algorithm];
      if (!stemmer) throw new Error("load stemmers/" + algorithm + ".js before defining its language");
      return stemmer;
    });
  }
})(typeof self !== "undefined" ? self : this, function (lunr, loadStemmer) {
"use strict";

// Deleted, never split on: м'ята, м’ята, мʼята and мята are one word; soft hyphens and joiners
// sit invisibly inside pasted words.
var DELETED = /['\u2019\u02BC\u00AD\u200C\u200D\u2060]/g;
var LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;
var MARK = /^\p{M}$/u;
var NONSPACING_MARK = /^\p{Mn}$/u;

// Lowercase plus the casefold differences that matter in European scripts (JavaScript has no
// casefold; Python uses the same table).
var CASEFOLD = { "ß": "ss", "ς": "σ" };

var SERBIAN_LATIN = {
  "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "ђ": "đ", "е": "e", "ж": "ž", "з": "z", "и": "i",
  "ј": "j", "к": "k", "л": "l", "љ": "lj", "м": "m", "н": "n", "њ": "nj", "о": "o", "п": "p", "р": "r",
  "с": "s", "т": "t", "ћ": "ć", "у": "u", "ф": "f", "х": "h", "ц": "c", "ч": "č", "џ": "dž", "ш": "š"
};

// Letters whose diacritic NFD cannot split off, as readers without the key type them.
var LETTERS = {
  "đ": "dj", "ð": "d", "ø": "o", "ł": "l", "ħ": "h", "ı": "i", "ŧ": "t", "æ": "ae", "œ": "oe", "þ": "th",
  "ґ": "г"
};

var BREVE = "\u0306", DIAERESIS = "\u0308";

function own(table, key) {
  return Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;
}

function isWordChar(char, started) {
  // Outside the BMP JavaScript and Python count and sort differently: such characters separate.
  if (char.codePointAt(0) > 0xFFFF) return false;
  return LETTER_OR_DIGIT.test(char) || (started && MARK.test(char));
}

function splitWords(text) {
  text = text.normalize("NFKC").replace(DELETED, "").normalize("NFKC");
  var words = [], word = "";
  for (var char of text) {
    if (isWordChar(char, word !== "")) {
      word += char;
    } else if (word) {
      words.push(word);
      word = "";
    }
  }
  if (word) words.push(word);
  return words;
}

function casefold(word) {
  return word.toLowerCase().replace(/[ßς]/g, function (char) { return CASEFOLD[char]; });
}

function isCyrillic(char) {
  return char >= "\u0400" && char <= "\u052f";
}

function transliterateSerbian(word) {
  var chars = Array.from(word);
  var cyrillic = chars.filter(isCyrillic);
  if (!cyrillic.length || cyrillic.some(function (char) { return own(SERBIAN_LATIN, char) === undefined; })) {
    return word;
  }
  return chars.map(function (char) { return own(SERBIAN_LATIN, char) || char; }).join("");
}

// Bulgarian and Ukrainian in the Latin letters of their official romanisation: Python's
// romanisation.romanise, with the table the profile carries.
function romanise(word, rules) {
  var chars = Array.from(word);
  if (!chars.some(isCyrillic)) return word;
  var out = "", position = 0, length = chars.length;
  while (position < length) {
    var two = chars.slice(position, position + 2).join("");
    if (position + 2 === length && own(rules.final, two) !== undefined) {
      out += rules.final[two];
      break;
    }
    if (own(rules.pairs, two) !== undefined) {
      out += rules.pairs[two];
      position += 2;
      continue;
    }
    var char = chars[position], initial = position === 0 ? own(rules.initial, char) : undefined;
    var letter = own(rules.letters, char);
    out += initial !== undefined ? initial : letter !== undefined ? letter : char;
    position += 1;
  }
  return out;
}

function droppableMark(base, mark) {
  if (isCyrillic(base)) return !(mark === BREVE || (mark === DIAERESIS && base === "і"));
  var code = base === "" ? 0 : base.codePointAt(0);
  return base === "" || code <= 0x052f || (code >= 0x1e00 && code <= 0x1fff);
}

function unaccent(word) {
  var kept = "", base = "";
  for (var char of word.normalize("NFD")) {
    if (NONSPACING_MARK.test(char)) {
      if (!droppableMark(base, char)) kept += char;
      continue;
    }
    base = char;
    kept += own(LETTERS, char) || char;
  }
  return kept.normalize("NFC");
}

function lightStem(word, suffixes, minStem) {
  for (var i = 0; i < suffixes.length; i++) {
    var suffix = suffixes[i];
    if (word.endsWith(suffix) && word.length - suffix.length >= minStem) {
      return word.slice(0, word.length - suffix.length);
    }
  }
  return word;
}

// The word-level steps of one profile, as Python's Analyzer.
function Analyzer(profile) {
  this.profile = profile;
  this.stopwords = new Set(profile.stopwords);
  var known = profile.stemmer !== null && profile.stemmer !== "light";
  this.snowball = known ? new (loadStemmer(profile.stemmer))() : null;
}

Analyzer.prototype.fold = function (word) {
  word = casefold(word);
  if (this.profile.transliterate === "serbian") word = transliterateSerbian(word);
  else if (this.profile.romanisation) word = romanise(word, this.profile.romanisation);
  return this.profile.stem_first ? word : unaccent(word);
};

Analyzer.prototype.isStopword = function (word) {
  return this.stopwords.has(unaccent(word));
};

// A word a Serbian-family profile left in Cyrillic is Russian, Ukrainian or Bulgarian: Serbian's
// stemmer would transliterate it by halves, so it stays as written.
Analyzer.prototype.foreign = function (word) {
  return this.profile.transliterate === "serbian" && Array.from(word).some(isCyrillic);
};

Analyzer.prototype.stem = function (word) {
  if (this.snowball !== null && !this.foreign(word)) {
    word = this.snowball.stemWord(word);
  } else if (this.profile.stemmer === "light") {
    word = lightStem(word, this.profile.suffixes, this.profile.min_stem);
  }
  return unaccent(word);
};

function hubTrimmer(token) {
  return splitWords(token.toString()).map(function (word) {
    return token.clone(function () { return word; });
  });
}

// lunr drops a result that is undefined; an empty word is dropped the same way.
Analyzer.prototype.lunrFunctions = function () {
  var self = this, lang = this.profile.lang, functions = [];
  functions.push(label(function (token) {
    var word = self.fold(token.toString());
    return word ? token.update(function () { return word; }) : undefined;
  }, "hub-fold-" + lang));
  if (this.profile.stopwords.length) {
    functions.push(label(function (token) {
      return self.isStopword(token.toString()) ? undefined : token;
    }, "hub-stopwords-" + lang));
  }
  if (this.profile.stemmer) {
    functions.push(label(function (token) {
      var stem = self.stem(token.toString());
      return stem ? token.update(function () { return stem; }) : undefined;
    }, "hub-stemmer-" + lang));
  }
  functions.forEach(function (fn) { fn.hubProfile = JSON.stringify(self.profile); });
  return [hubTrimmer].concat(functions);
};

function label(fn, name) {
  fn.label = name;
  return fn;
}

hubTrimmer.label = "hub-trimmer";

// Registers the profile's functions with lunr (once per label and profile: lunr warns when a label
// is registered again) and returns them in pipeline order.
function define(profile) {
  var registry = lunr.Pipeline.registeredFunctions, wanted = JSON.stringify(profile);
  return new Analyzer(profile).lunrFunctions().map(function (fn) {
    var existing = registry[fn.label];
    if (existing === fn || (existing && existing.hubProfile === wanted)) return existing;
    lunr.Pipeline.registerFunction(fn, fn.label);
    return fn;
  });
}

// The functions defined for `lang`, read back from lunr's registry (this file keeps no state).
function functionsOf(lang) {
  var registry = lunr.Pipeline.registeredFunctions;
  var fold = registry["hub-fold-" + lang];
  if (!fold) throw new Error("no search profile defined for language '" + lang + "': call define(profile) first");
  return [registry["hub-trimmer"], fold, registry["hub-stopwords-" + lang], registry["hub-stemmer-" + lang]]
    .filter(function (fn) { return fn && (fn === registry["hub-trimmer"] || fn.hubProfile === fold.hubProfile); });
}

// Gives a lunr.Builder the language's pipeline (indexing and search). Before lunr.Index.load the
// functions only need registering: `target` may then be lunr itself. `language` is a code already
// defined or a profile, which is defined first.
function configure(target, language) {
  var lang = typeof language === "string" ? language : (define(language), language.lang);
  var functions = functionsOf(lang);
  if (target && target.pipeline && target.searchPipeline) {
    [target.pipeline, target.searchPipeline].forEach(function (pipeline) {
      pipeline.reset();
      pipeline.add.apply(pipeline, functions);
    });
  }
  return target;
}

// The terms of `text` in `lang`: lunr's tokenizer, then the language's pipeline, as in the index.
function tokens(text, lang) {
  var pipeline = new lunr.Pipeline();
  pipeline.add.apply(pipeline, functionsOf(lang));
  return pipeline.run(lunr.tokenizer(text)).map(String);
}

// The last word of `text` as the reader typed it and folded as the index folds words (not stemmed,
// for matching the start of index terms), or null when there is none or it is a stopword.
function lastWord(text, lang) {
  var pieces = lunr.tokenizer(text);
  var words = pieces.length ? splitWords(pieces[pieces.length - 1].toString()) : [];
  if (!words.length) return null;
  var word = words[words.length - 1], functions = functionsOf(lang), token = new lunr.Token(word, {});
  for (var i = 1; i < functions.length && token; i++) {
    if (/^hub-stemmer-/.test(functions[i].label)) break;
    token = functions[i](token);
  }
  return token ? { word: word, folded: unaccent(token.toString()) } : null;
}

return {
  define: define,
  lastWord: lastWord,
  configure: configure,
  tokens: tokens,
  splitWords: splitWords,
  casefold: casefold,
  transliterateSerbian: transliterateSerbian,
  romanise: romanise,
  unaccent: unaccent,
  lightStem: lightStem
};
});
