using ServiceDesk.Core.Knowledge.Analysis;
using ServiceDesk.Core.Knowledge.Analysis.Stemming;

namespace ServiceDesk.Core.Tests.Knowledge;

/// <summary>
/// The light Polish stemmer conflates inflected forms of a word (as light stemmers are evaluated:
/// forms of one lemma share a stem), on diacritic-folded text.
/// </summary>
public sealed class PolishStemmerTests
{
    private readonly PolishStemmer stemmer = new();

    private string Stem(string word) => stemmer.Stem(TextFolding.Fold(word));

    [Theory]
    [InlineData("hasl", "hasło", "hasła", "haśle", "hasłem", "hasłu")]
    [InlineData("kont", "konto", "konta", "kontem", "kontu")]
    [InlineData("dzial", "działa", "działać", "działają", "działał", "działała")]
    [InlineData("log", "logowanie", "logowania", "logowaniem", "logowaniu")]
    [InlineData("drukark", "drukarka", "drukarki", "drukarkę", "drukarką")]
    [InlineData("druk", "drukuje", "drukować", "drukowania", "drukowanie")]
    [InlineData("plik", "pliki", "pliku", "plikami", "plików")]
    [InlineData("siec", "sieć", "sieci", "siecią")]
    [InlineData("komputer", "komputer", "komputera", "komputery", "komputerem")]
    [InlineData("zablok", "zablokowany", "zablokowana", "zablokowane", "zablokować")]
    public void Stem_when_forms_share_a_lemma_gives_them_one_stem(string expected, params string[] forms)
    {
        foreach (var form in forms) Assert.Equal(expected, Stem(form));
    }

    [Fact]
    public void Stem_when_diacritics_are_missing_matches_the_written_form() =>
        Assert.Equal(Stem("działa"), Stem("dziala"));

    [Theory]
    [InlineData("dysk")]
    [InlineData("wifi")]
    [InlineData("mysz")]
    public void Stem_when_word_is_short_leaves_it(string word) => Assert.Equal(word, Stem(word));
}
