namespace ServiceDesk.Core.Knowledge.Analysis.Stemming;

/// <summary>
/// A light Polish stemmer in the spirit of the published light-stemming approaches for Polish
/// (suffix stripping of inflectional endings, no dictionary): removes the longest known
/// inflectional or verbal-noun ending, keeping a stem of at least 4 letters (3 for long endings).
/// Works on diacritic-folded text (ą→a, ł→l, ...) so that "dziala" and "działa" share a stem.
/// </summary>
public sealed class PolishStemmer : IStemmer
{
    private static readonly string[] Suffixes = new[]
    {
        // verbal nouns and participles of -ować / -ać / -ić verbs (logowanie, drukowania, zablokowane)
        "owaniami", "owaniach", "owaniem", "owaniu", "owania", "owanie", "owanych", "owanymi", "owanego", "owanej",
        "owanym", "owany", "owana", "owane", "owani",
        "aniami", "aniach", "aniem", "aniu", "ania", "anie", "eniami", "eniach", "eniem", "eniu", "enia", "enie",
        "anych", "anymi", "anego", "anej", "anym", "any", "ana", "ane", "ani", "onych", "onego", "onej", "ony", "ona", "one",
        // verbs: infinitive, present, past, imperative (folded)
        "owalismy", "owaliscie", "owalem", "owalam", "owali", "owaly", "owala", "owalo", "owal", "owac",
        "ujemy", "ujecie", "ujesz", "uje", "uja", "ujac", "uj",
        "alismy", "aliscie", "alem", "alam", "ilem", "ilam", "ylem", "ylam", "elem", "elam",
        "amy", "acie", "asz", "aja", "emy", "ecie", "esz", "eja", "imy", "icie", "isz", "ymy", "ycie", "ysz",
        "ali", "aly", "ala", "alo", "ili", "ily", "ila", "ilo", "yli", "yly", "yla", "ylo", "eli", "ely", "ela", "elo",
        "ac", "ec", "ic", "yc", "al", "il", "yl", "el",
        // adjectives
        "owego", "owemu", "owych", "owymi", "owej", "owym", "owy", "owa", "owe",
        "ego", "emu", "ych", "ymi", "ich", "imi", "ej", "ym", "im",
        // nouns
        "iami", "iach", "ami", "ach", "iem", "iom", "ow", "om", "em", "ia", "ie", "iu",
        "a", "e", "i", "o", "u", "y",
    }.Distinct().OrderByDescending(s => s.Length).ToArray();

    public string Stem(string word)
    {
        if (word.Length < 5) return word;
        foreach (var suffix in Suffixes)
        {
            if (!word.EndsWith(suffix, StringComparison.Ordinal)) continue;
            var stemLength = word.Length - suffix.Length;
            var minimum = suffix.Length >= 4 ? 3 : 4;
            if (stemLength >= minimum) return word[..stemLength];
        }
        return word;
    }
}
