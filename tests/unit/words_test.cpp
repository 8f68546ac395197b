// The words and number formats of the texts a person reads, in Danish and English.
#include "output/words.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "output/language.hpp"
#include "output/texts.hpp"

namespace kommunesim::output {
namespace {

TEST(Words, NumbersAreWrittenAsTheLanguageWritesThem) {
  EXPECT_EQ(decimal(1234.5, 1, Language::kDanish), "1.234,5");
  EXPECT_EQ(decimal(1234.5, 1, Language::kEnglish), "1,234.5");
  EXPECT_EQ(decimal(-2412345678.0, 0, Language::kDanish), "-2.412.345.678");
  EXPECT_EQ(decimal(999.96, 1, Language::kDanish), "1.000,0");  // rounding carries the group
  EXPECT_EQ(decimal(-12.25, 2, Language::kDanish), "-12,25");
  EXPECT_EQ(decimal(0.5, 0, Language::kEnglish), "0");
  // A value that rounds to zero carries no sign: a saving of 40,000 DKK in millions is 0,0.
  EXPECT_EQ(decimal(-0.04, 1, Language::kDanish), "0,0");
  EXPECT_EQ(decimal(-0.0, 0, Language::kEnglish), "0");
}

TEST(Words, RegisterFiguresAreWrittenWithoutExponents) {
  EXPECT_EQ(plain_number(1950000), "1950000");  // was 1.95e+06 in `kommunesim assumptions`
  EXPECT_EQ(plain_number(2032839.767), "2032840");
  EXPECT_EQ(plain_number(-677613.2558), "-677613.26");
  EXPECT_EQ(plain_number(0.0085), "0.0085");
  EXPECT_EQ(plain_number(5e-05), "0.00005");
  EXPECT_EQ(plain_number(0), "0");
}

TEST(Words, LanguageCodesAreDanishAndEnglishOnly) {
  EXPECT_EQ(language_named("da"), Language::kDanish);
  EXPECT_EQ(language_named("en"), Language::kEnglish);
  EXPECT_FALSE(language_named("de").has_value());
}

TEST(Words, TimeLeftIsTheRestOfThePhaseAtTheRateSoFar) {
  EXPECT_EQ(time_left_text(10.0, 0.5, Language::kEnglish), "about 10 s left");
  EXPECT_EQ(time_left_text(30.0, 0.25, Language::kEnglish), "about 1 min 30 s left");
  // A part of a second counts as one.
  EXPECT_EQ(time_left_text(2.0, 0.9, Language::kEnglish), "about 1 s left");
  EXPECT_EQ(time_left_text(65.0, 0.5, Language::kDanish), "ca. 1 min 05 s tilbage");
  // Nothing to estimate before the first step, nothing left after the last.
  EXPECT_EQ(time_left_text(3.0, 0.0, Language::kDanish), "");
  EXPECT_EQ(time_left_text(3.0, 1.0, Language::kEnglish), "");
}

TEST(Words, VerdictsAreTheBudgetTeamsWords) {
  EXPECT_EQ(verdict_words(appraisal::Verdict::kNetCost, Language::kDanish), "nettoudgift");
  EXPECT_EQ(verdict_words(appraisal::Verdict::kTooCloseToCall, Language::kDanish),
            "for tæt til at afgøre");
  EXPECT_EQ(verdict_words(appraisal::Verdict::kNetGain, Language::kEnglish), "net gain");
  // Tables keep their ids in every language.
  EXPECT_EQ(verdict_id(appraisal::Verdict::kNetGain), "net_gain");
}

// Long register sources in `kommunesim assumptions` and the terminal: broken at spaces, the
// continuation indented, a word longer than the width kept whole.
TEST(Words, LongTextIsWrappedAtSpacesWithAnIndent) {
  EXPECT_EQ(wrapped("source: one two three four", 12, "    "),
            "source: one\n    two\n    three\n    four\n");
  EXPECT_EQ(wrapped("æøå æøå", 7), "æøå æøå\n");  // characters, not bytes
  EXPECT_EQ(wrapped("https://a.very.long/address/that/is/one/word", 10),
            "https://a.very.long/address/that/is/one/word\n");
}

// The report's texts: one JSON object per language with the same keys, nested tables included,
// so that the page finds every text in either language.
TEST(Words, TheReportHasEveryTextInBothLanguages) {
  const auto danish = nlohmann::json::parse(texts(Language::kDanish).report);
  const auto english = nlohmann::json::parse(texts(Language::kEnglish).report);
  ASSERT_TRUE(danish.is_object());
  ASSERT_TRUE(english.is_object());
  for (const auto& [key, value] : danish.items()) {
    ASSERT_TRUE(english.contains(key)) << key;
    if (key == "glossary") continue;  // the terms explained differ by language
    ASSERT_EQ(value.type(), english[key].type()) << key;
    if (value.is_object()) {
      for (const auto& [inner, text] : value.items()) {
        EXPECT_TRUE(english[key].contains(inner)) << key << "." << inner;
      }
    }
    if (value.is_string()) {
      const std::string da = value.get<std::string>(), en = english[key].get<std::string>();
      EXPECT_EQ(std::count(da.begin(), da.end(), '{'), std::count(en.begin(), en.end(), '{'))
          << key << ": the languages fill different numbers of {}";
    }
  }
  EXPECT_EQ(danish.size(), english.size());
  EXPECT_EQ(danish["payers"]["municipality"], "kommunen");
}

}  // namespace
}  // namespace kommunesim::output
