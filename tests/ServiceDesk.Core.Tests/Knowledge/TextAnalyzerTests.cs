using ServiceDesk.Core.Knowledge.Analysis;

namespace ServiceDesk.Core.Tests.Knowledge;

public sealed class TextAnalyzerTests
{
    private readonly TextAnalyzer analyzer = new();

    [Theory]
    [InlineData("Ёлка", "елка")]
    [InlineData("Działa", "dziala")]
    [InlineData("ŁĄCZE", "lacze")]
    [InlineData("Café", "cafe")]
    [InlineData("Йогурт", "йогурт")]
    public void Fold_when_word_has_diacritics_or_capitals_folds_for_matching(string word, string expected) =>
        Assert.Equal(expected, TextFolding.Fold(word));

    [Fact]
    public void AnalyzeDocument_when_text_has_fullwidth_letters_normalizes_them_with_nfkc() =>
        Assert.Contains("vpn", analyzer.AnalyzeDocument("ＶＰＮ", "en"));

    [Theory]
    [InlineData("Error 0x80070005 in OneDrive with 2FA over VPN", "en")]
    [InlineData("Ошибка 0x80070005 в OneDrive с 2FA через VPN", "ru")]
    [InlineData("Błąd 0x80070005 w OneDrive z 2FA przez VPN", "pl")]
    public void AnalyzeDocument_when_text_has_names_and_codes_keeps_them_unmangled(string text, string language)
    {
        var terms = analyzer.AnalyzeDocument(text, language);
        Assert.Contains("0x80070005", terms);
        Assert.Contains("onedrive", terms);
        Assert.Contains("2fa", terms);
        Assert.Contains("vpn", terms);
    }

    [Fact]
    public void AnalyzeDocument_when_text_has_stop_words_drops_them()
    {
        var terms = analyzer.AnalyzeDocument("The printer is not printing", "en");
        Assert.Equal(["printer", "print"], terms);
    }

    [Fact]
    public void AnalyzeQuery_when_text_mixes_russian_and_a_product_name_stems_russian_and_keeps_the_name()
    {
        var query = analyzer.AnalyzeQuery("не работает VPN", null);
        Assert.Equal("ru", query.Language);
        Assert.True(query.LanguageGuessed);
        Assert.Equal(["работа", "vpn"], query.Words.Select(w => w.Terms[0].Term));
    }

    [Fact]
    public void AnalyzeQuery_when_word_is_colloquial_adds_its_synonym_weighted_below_the_word()
    {
        var query = analyzer.AnalyzeQuery("комп тормозит", "ru");
        var komp = query.Words.Single(w => w.Folded == "комп");
        var synonym = Assert.Single(komp.Terms, t => t.Origin == TermOrigin.Synonym);
        Assert.Equal("компьютер", synonym.Term);
        Assert.True(synonym.Weight < komp.Terms[0].Weight);
    }

    [Theory]
    [InlineData("флешку не видит комп", "ru", "флешку", "usb")]
    [InlineData("уандрайв не синхронит", "ru", "уандрайв", "onedrive")]
    [InlineData("pendrive nie działa", "pl", "pendrive", "usb")]
    [InlineData("kamerka w teamsie nie działa", "pl", "kamerka", "kamer")]
    [InlineData("lappy wont charge", "en", "lappy", "laptop")]
    [InlineData("acct locked again", "en", "acct", "account")]
    [InlineData("наушники не подключаются", "ru", "наушники", "headset")] // topics with no Russian article
    [InlineData("как расшарить календарь", "ru", "календарь", "calendar")]
    [InlineData("myszka nie działa", "pl", "myszka", "мыш")] // the keyboard and mouse article is Russian only
    public void AnalyzeQuery_when_word_is_help_desk_slang_adds_what_it_means(string text, string language, string word, string meaning)
    {
        var query = analyzer.AnalyzeQuery(text, language);
        var slang = query.Words.Single(w => w.Folded == word);
        Assert.Contains(slang.Terms, t => t.Origin == TermOrigin.Synonym && t.Term == meaning);
    }

    [Fact]
    public void Synonym_lists_when_loaded_have_only_keys_a_query_word_can_match()
    {
        // a key of two words, or one the tokenizer splits or folds differently, would never match and silently do nothing
        var unmatched = LanguageData.Default.Synonyms
            .SelectMany(l => l.Value.Keys.Select(k => (Language: l.Key, Key: k)))
            .Where(e => Tokenizer.Tokenize(e.Key) is not [{ } only] || only.Folded != e.Key)
            .Select(e => $"{e.Language}: '{e.Key}'")
            .ToList();
        Assert.Empty(unmatched);
    }

    [Theory]
    [InlineData("не работает интернет", "ru")]
    [InlineData("nie działa drukarka", "pl")]
    [InlineData("nie dziala drukarka w biurze", "pl")]
    [InlineData("the printer is not working", "en")]
    [InlineData("my outlook keeps crashing", "en")]
    [InlineData("zapomniałem hasła do poczty", "pl")]
    public void Guess_when_channel_gives_no_language_recognises_it_from_the_text(string text, string expected) =>
        Assert.Equal(expected, analyzer.GuessLanguage(text));

    [Fact]
    public void AnalyzeQuery_when_text_has_no_words_returns_no_words() =>
        Assert.Empty(analyzer.AnalyzeQuery("?!  ... the", "en").Words);

    [Theory]
    [InlineData("Wi-Fi", "wifi")]
    [InlineData("e-mail", "email")]
    public void Tokenize_when_a_short_compound_is_hyphenated_also_yields_the_joined_word(string text, string joined) =>
        Assert.Contains(Tokenizer.Tokenize(text), t => t.Folded == joined);

    [Fact]
    public void Tokenize_when_hyphen_joins_two_long_words_keeps_them_apart() =>
        Assert.Equal(["printer", "scanner"], Tokenizer.Tokenize("printer-scanner").Select(t => t.Folded));
}
