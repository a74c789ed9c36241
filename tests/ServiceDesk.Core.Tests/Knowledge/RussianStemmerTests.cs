using ServiceDesk.Core.Knowledge.Analysis.Stemming;

namespace ServiceDesk.Core.Tests.Knowledge;

/// <summary>Pairs from the Snowball Russian sample vocabulary and words worked through the published algorithm by hand.</summary>
public sealed class RussianStemmerTests
{
    private readonly RussianStemmer stemmer = new();

    [Theory]
    [InlineData("вагон", "вагон")]
    [InlineData("вагона", "вагон")]
    [InlineData("вагоне", "вагон")]
    [InlineData("вагонов", "вагон")]
    [InlineData("вагоном", "вагон")]
    [InlineData("вагоны", "вагон")]
    [InlineData("важная", "важн")]
    [InlineData("важнее", "важн")]
    [InlineData("важнейшие", "важн")]
    [InlineData("важнейшими", "важн")]
    [InlineData("важничал", "важнича")]
    [InlineData("важно", "важн")]
    [InlineData("важного", "важн")]
    [InlineData("важное", "важн")]
    [InlineData("важной", "важн")]
    [InlineData("важном", "важн")]
    [InlineData("важному", "важн")]
    [InlineData("важности", "важност")]
    [InlineData("важностию", "важност")]
    [InlineData("важную", "важн")]
    [InlineData("важны", "важн")]
    [InlineData("важные", "важн")]
    [InlineData("важный", "важн")]
    [InlineData("важным", "важн")]
    [InlineData("важных", "важн")]
    [InlineData("вазах", "ваз")]
    [InlineData("вазы", "ваз")]
    [InlineData("вакансию", "ваканс")]
    public void Stem_when_word_is_in_the_published_sample_returns_the_published_stem(string word, string expected) =>
        Assert.Equal(expected, stemmer.Stem(word));

    [Theory]
    [InlineData("принтер", "принтер")]
    [InlineData("принтера", "принтер")]
    [InlineData("принтеру", "принтер")]
    [InlineData("пароль", "парол")]
    [InlineData("пароля", "парол")]
    [InlineData("паролем", "парол")]
    [InlineData("печатает", "печата")]
    [InlineData("подключается", "подключа")]
    [InlineData("подключившись", "подключ")]
    [InlineData("заблокирована", "заблокирова")]
    [InlineData("обновления", "обновлен")]
    public void Stem_when_word_is_inflected_removes_the_ending_inside_rv(string word, string expected) =>
        Assert.Equal(expected, stemmer.Stem(word));

    [Fact]
    public void Stem_when_word_has_no_vowel_returns_it_unchanged() => Assert.Equal("вк", stemmer.Stem("вк"));
}
