namespace ServiceDesk.Core.Knowledge.Analysis.Stemming;

/// <summary>
/// The Porter2 ("English") stemmer, written from the algorithm description published on
/// snowballstem.org (R1/R2 regions, steps 0–5, exceptional forms).
/// </summary>
public sealed class EnglishStemmer : IStemmer
{
    private static readonly Dictionary<string, string> Exceptions = new()
    {
        ["skis"] = "ski", ["skies"] = "sky", ["sky"] = "sky", ["dying"] = "die", ["lying"] = "lie", ["tying"] = "tie",
        ["idly"] = "idl", ["gently"] = "gentl", ["ugly"] = "ugli", ["early"] = "earli", ["only"] = "onli",
        ["singly"] = "singl", ["news"] = "news", ["howe"] = "howe", ["atlas"] = "atlas", ["cosmos"] = "cosmos",
        ["bias"] = "bias", ["andes"] = "andes",
    };

    private static readonly HashSet<string> Post1AExceptions =
        ["inning", "outing", "canning", "herring", "earring", "proceed", "exceed", "succeed"];

    private static readonly (string Suffix, string Replacement)[] Step2Rules =
    [
        ("ization", "ize"), ("ational", "ate"), ("fulness", "ful"), ("ousness", "ous"), ("iveness", "ive"),
        ("tional", "tion"), ("biliti", "ble"), ("lessli", "less"), ("entli", "ent"), ("ation", "ate"),
        ("alism", "al"), ("aliti", "al"), ("ousli", "ous"), ("iviti", "ive"), ("fulli", "ful"), ("enci", "ence"),
        ("anci", "ance"), ("abli", "able"), ("izer", "ize"), ("ator", "ate"), ("alli", "al"), ("bli", "ble"),
        ("ogi", "og"), ("li", ""),
    ];

    private static readonly (string Suffix, string Replacement)[] Step3Rules =
    [
        ("ational", "ate"), ("tional", "tion"), ("alize", "al"), ("icate", "ic"), ("iciti", "ic"), ("ative", ""),
        ("ical", "ic"), ("ness", ""), ("ful", ""),
    ];

    private static readonly string[] Step4Suffixes =
    [
        "ement", "ance", "ence", "able", "ible", "ment", "ant", "ent", "ism", "ate", "iti", "ous", "ive", "ize",
        "ion", "al", "er", "ic",
    ];

    public string Stem(string word)
    {
        if (word.Length <= 2) return word;
        if (Exceptions.TryGetValue(word, out var exception)) return exception;

        var w = new System.Text.StringBuilder(word.TrimStart('\''));
        if (w.Length <= 2) return w.ToString();
        MarkConsonantY(w);
        var r1 = RegionR1(w);
        var r2 = RegionAfter(w, r1);

        Step0(w);
        Step1A(w);
        if (Post1AExceptions.Contains(w.ToString())) return w.ToString();
        Step1B(w, r1);
        Step1C(w);
        ApplyRules(w, Step2Rules, r1, step2: true);
        ApplyRules(w, Step3Rules, r1, step2: false, r2);
        Step4(w, r2);
        Step5(w, r1, r2);
        return w.ToString().Replace('Y', 'y');
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y';

    private static void MarkConsonantY(System.Text.StringBuilder w)
    {
        if (w[0] == 'y') w[0] = 'Y';
        for (var i = 1; i < w.Length; i++)
        {
            if (w[i] == 'y' && IsVowel(w[i - 1])) w[i] = 'Y';
        }
    }

    private static int RegionR1(System.Text.StringBuilder w)
    {
        var s = w.ToString();
        foreach (var prefix in new[] { "gener", "commun", "arsen" })
        {
            if (s.StartsWith(prefix, StringComparison.Ordinal)) return prefix.Length;
        }
        return RegionAfter(w, 0);
    }

    private static int RegionAfter(System.Text.StringBuilder w, int start)
    {
        for (var i = start + 1; i < w.Length; i++)
        {
            if (!IsVowel(w[i]) && IsVowel(w[i - 1])) return i + 1;
        }
        return w.Length;
    }

    private static bool EndsWith(System.Text.StringBuilder w, string suffix)
    {
        if (w.Length < suffix.Length) return false;
        for (var i = 0; i < suffix.Length; i++)
        {
            if (w[w.Length - suffix.Length + i] != suffix[i]) return false;
        }
        return true;
    }

    private static void Replace(System.Text.StringBuilder w, int suffixLength, string replacement)
    {
        w.Length -= suffixLength;
        w.Append(replacement);
    }

    private static bool ContainsVowel(System.Text.StringBuilder w, int end)
    {
        for (var i = 0; i < end; i++)
        {
            if (IsVowel(w[i])) return true;
        }
        return false;
    }

    private static void Step0(System.Text.StringBuilder w)
    {
        foreach (var s in new[] { "'s'", "'s", "'" })
        {
            if (EndsWith(w, s))
            {
                w.Length -= s.Length;
                return;
            }
        }
    }

    private static void Step1A(System.Text.StringBuilder w)
    {
        if (EndsWith(w, "sses"))
        {
            w.Length -= 2;
        }
        else if (EndsWith(w, "ied") || EndsWith(w, "ies"))
        {
            Replace(w, 3, w.Length > 4 ? "i" : "ie");
        }
        else if (EndsWith(w, "us") || EndsWith(w, "ss"))
        {
        }
        else if (EndsWith(w, "s") && ContainsVowel(w, w.Length - 2))
        {
            w.Length -= 1;
        }
    }

    private static void Step1B(System.Text.StringBuilder w, int r1)
    {
        foreach (var s in new[] { "eedly", "eed" })
        {
            if (EndsWith(w, s))
            {
                if (w.Length - s.Length >= r1) Replace(w, s.Length, "ee");
                return;
            }
        }
        foreach (var s in new[] { "ingly", "edly", "ing", "ed" })
        {
            if (!EndsWith(w, s)) continue;
            if (!ContainsVowel(w, w.Length - s.Length)) return;
            w.Length -= s.Length;
            if (EndsWith(w, "at") || EndsWith(w, "bl") || EndsWith(w, "iz"))
            {
                w.Append('e');
            }
            else if (EndsWithDouble(w))
            {
                w.Length -= 1;
            }
            else if (IsShortWord(w, r1))
            {
                w.Append('e');
            }
            return;
        }
    }

    private static bool EndsWithDouble(System.Text.StringBuilder w) =>
        w.Length >= 2 && w[^1] == w[^2] && w[^1] is 'b' or 'd' or 'f' or 'g' or 'm' or 'n' or 'p' or 'r' or 't';

    private static bool EndsWithShortSyllable(System.Text.StringBuilder w)
    {
        var n = w.Length;
        if (n == 2) return IsVowel(w[0]) && !IsVowel(w[1]);
        if (n >= 3)
        {
            return !IsVowel(w[n - 3]) && IsVowel(w[n - 2]) && !IsVowel(w[n - 1]) && w[n - 1] is not ('w' or 'x' or 'Y');
        }
        return false;
    }

    private static bool IsShortWord(System.Text.StringBuilder w, int r1) => r1 >= w.Length && EndsWithShortSyllable(w);

    private static void Step1C(System.Text.StringBuilder w)
    {
        if (w.Length > 2 && (w[^1] == 'y' || w[^1] == 'Y') && !IsVowel(w[^2]))
        {
            w[^1] = 'i';
        }
    }

    private static void ApplyRules(System.Text.StringBuilder w, (string Suffix, string Replacement)[] rules, int r1, bool step2, int r2 = 0)
    {
        // rules are ordered so that the first match is the longest suffix
        foreach (var (suffix, replacement) in rules)
        {
            if (!EndsWith(w, suffix)) continue;
            var start = w.Length - suffix.Length;
            if (start < r1) return;
            if (step2 && suffix == "ogi" && (start == 0 || w[start - 1] != 'l')) return;
            if (step2 && suffix == "li" && (start == 0 || w[start - 1] is not ('c' or 'd' or 'e' or 'g' or 'h' or 'k' or 'm' or 'n' or 'r' or 't'))) return;
            if (!step2 && suffix == "ative" && start < r2) return;
            Replace(w, suffix.Length, replacement);
            return;
        }
    }

    private static void Step4(System.Text.StringBuilder w, int r2)
    {
        foreach (var suffix in Step4Suffixes)
        {
            if (!EndsWith(w, suffix)) continue;
            var start = w.Length - suffix.Length;
            if (start < r2) return;
            if (suffix == "ion" && (start == 0 || w[start - 1] is not ('s' or 't'))) return;
            w.Length = start;
            return;
        }
    }

    private static void Step5(System.Text.StringBuilder w, int r1, int r2)
    {
        if (EndsWith(w, "e"))
        {
            var start = w.Length - 1;
            if (start >= r2)
            {
                w.Length = start;
            }
            else if (start >= r1)
            {
                w.Length = start;
                if (EndsWithShortSyllable(w)) w.Append('e');
            }
        }
        else if (EndsWith(w, "l") && w.Length - 1 >= r2 && w.Length >= 2 && w[^2] == 'l')
        {
            w.Length -= 1;
        }
    }
}
