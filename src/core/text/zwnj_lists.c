/* zwnj_lists.c - the closed word lists of the ZWNJ planner: suffixes,
 * prefixes and the few words its rules name (docs/zwnj.md). They are
 * rasad's own, none taken from the evaluation data. Each list is one
 * AFFIX("...") entry after another, which tools/gen_zwnj_lexicon.py reads
 * too, to index the suffix lists by their last two letters; keep that form.
 * Order matters: a rule takes the first entry that matches. */
#include "zwnj_lists.h"

#define AFFIX(lit) { lit, sizeof(lit) - 1 }

/* Plural and its possessives, longest first. Here, in rasad__zw_compar and
 * in rasad__zw_after_heh, every entry has two letters or more and the first
 * is the longest: rasad__zw_pair_rule_may (zwnj_rules.h) relies on it. */
const rasad__zw_affix rasad__zw_plural[] = {
    AFFIX("هایشان"), AFFIX("هایتان"), AFFIX("هایمان"), AFFIX("هایش"),
    AFFIX("هایت"), AFFIX("هایم"), AFFIX("هایی"), AFFIX("های"), AFFIX("ها"),
};

/* Comparative and superlative (درست‌تری: the comparative + indefinite ی). */
const rasad__zw_affix rasad__zw_compar[] = { AFFIX("ترین"), AFFIX("تری"), AFFIX("تر") };

/* Clitics written with ZWNJ after a final ه (خانه‌ای, رفته‌اند, خانه‌شان),
 * longest first. The first seven (RASAD__ZW_HEH_BY_RULE) are checked on
 * rules alone; ام اش ات also need the joined form not to be a word of its
 * own (سهام, الهام, اتهام). */
const rasad__zw_affix rasad__zw_after_heh[] = {
    AFFIX("ایم"), AFFIX("اید"), AFFIX("اند"), AFFIX("ای"), AFFIX("مان"),
    AFFIX("تان"), AFFIX("شان"), AFFIX("ام"), AFFIX("اش"), AFFIX("ات"),
};

/* Clitics written with ZWNJ after a final ی (زندگی‌ام, ایرانی‌اند, سنتی‌ای);
 * not ات, the Arabic plural (رباعیات). */
const rasad__zw_affix rasad__zw_after_yeh[] = {
    AFFIX("ایم"), AFFIX("اید"), AFFIX("اند"), AFFIX("ای"), AFFIX("ام"), AFFIX("اش"),
};

/* Verb prefixes ending in می, longest first; the ZWNJ goes after them. */
const rasad__zw_affix rasad__zw_verb_prefixes[] = {
    AFFIX("فرومی"), AFFIX("بازمی"), AFFIX("برمی"), AFFIX("درمی"),
    AFFIX("وامی"), AFFIX("نمی"), AFFIX("می"),
};

/* Personal endings of a verb, longest first; "" is the past third person. */
/* ماه after a month name (اردیبهشت‌ماه); a list so that the tail table
 * covers it. */
const rasad__zw_affix rasad__zw_month_suffix[] = { AFFIX("ماه") };

const rasad__zw_affix rasad__zw_ending[] = {
    AFFIX("یم"), AFFIX("ید"), AFFIX("ند"), AFFIX("م"), AFFIX("ی"), AFFIX("د"),
};

/* Words the news writes joined although a rule would split them (آنها,
 * بیشتر): both spellings are accepted, and rasad keeps what was written.
 * Also Arabic words that end in the pronoun ها (علیها, امثالها), which is
 * no Persian plural, and بدانها/بدینها (به + آنها/اینها). */
const rasad__zw_affix rasad__zw_kept[] = {
    AFFIX("آنها"), AFFIX("اینها"), AFFIX("تنها"), AFFIX("همانها"),
    AFFIX("همینها"), AFFIX("آنهایی"), AFFIX("اینهایی"), AFFIX("تنهایی"),
    AFFIX("تنهای"), AFFIX("بیشتر"), AFFIX("کمتر"), AFFIX("بهتر"),
    AFFIX("بیشترین"), AFFIX("کمترین"), AFFIX("بهترین"), AFFIX("مهتر"),
    AFFIX("کهتر"), AFFIX("دکتر"), AFFIX("منهای"), AFFIX("بهای"),
    AFFIX("بدانها"), AFFIX("بدینها"), AFFIX("علیها"), AFFIX("فیها"),
    AFFIX("منها"), AFFIX("عنها"), AFFIX("الیها"), AFFIX("امثالها"),
    AFFIX("نظایرها"),
};

/* Productive second parts of compounds, written after a ZWNJ when the
 * first part ends in a joining letter (سرمایه‌گذاری, اعلام‌شده). Longest
 * first where one ends another. */
const rasad__zw_affix rasad__zw_bound[] = {
    AFFIX("نامه"), AFFIX("شده"), AFFIX("گذاران"), AFFIX("گذاری"),
    AFFIX("سازان"), AFFIX("سازی"), AFFIX("رسانی"), AFFIX("شناسان"),
    AFFIX("شناسی"), AFFIX("شناس"), AFFIX("نگاران"), AFFIX("نگاری"),
    AFFIX("نگار"), AFFIX("کنندگان"), AFFIX("کننده"), AFFIX("آموزان"),
    AFFIX("پردازی"), AFFIX("پرداز"), AFFIX("آفرینی"), AFFIX("سرایی"),
    AFFIX("نویسان"), AFFIX("نویسی"), AFFIX("درمانی"), AFFIX("زدایی"),
    AFFIX("بینی"), AFFIX("پوشی"), AFFIX("شویی"), AFFIX("ریزی"),
    AFFIX("پرسی"), AFFIX("فشانی"), AFFIX("گزینی"), AFFIX("بندی"),
};

/* Second parts that news writes joined (هدفمند, اصولگرا, پیگیری) except
 * after a final ه, which would otherwise read as a medial ه (علاقه‌مند). */
const rasad__zw_affix rasad__zw_bound_after_heh[] = {
    AFFIX("مندانه"), AFFIX("مندان"), AFFIX("مندی"), AFFIX("مند"),
    AFFIX("گرایان"), AFFIX("گرایی"), AFFIX("گرا"), AFFIX("گیری"),
    AFFIX("طلبان"), AFFIX("طلبی"), AFFIX("طلب"), AFFIX("پذیری"),
    AFFIX("پذیر"), AFFIX("آمیز"), AFFIX("انگیز"), AFFIX("خوانی"),
    AFFIX("برداری"), AFFIX("گذار"), AFFIX("آموز"),
};

/* Month names that end in a joining letter, before ماه (اردیبهشت‌ماه). */
const rasad__zw_affix rasad__zw_month[] = {
    AFFIX("فروردین"), AFFIX("اردیبهشت"), AFFIX("دی"), AFFIX("بهمن"),
};

/* Words after هم that make one word with it when typed apart (هم زمان);
 * elsewhere هم is the adverb "also" and stays a word. */
const rasad__zw_affix rasad__zw_with_ham[] = {
    AFFIX("زمان"), AFFIX("زمانی"), AFFIX("چنین"), AFFIX("چنان"),
    AFFIX("اکنون"), AFFIX("چون"),
};

/* Words after بی that stay apart: the conjunction بی آنکه, بی هیچ, بی بی. */
const rasad__zw_affix rasad__zw_not_after_bi[] = {
    AFFIX("آن"), AFFIX("آنکه"), AFFIX("آنچه"), AFFIX("هیچ"), AFFIX("بی"),
};

/* The lists of enum rasad__zw_tail_list, by their index there. */
const rasad__zw_affix *const rasad__zw_tail_lists[RASAD__ZW_T_LISTS] = {
    rasad__zw_plural, rasad__zw_compar, rasad__zw_after_heh, rasad__zw_after_yeh,
    rasad__zw_kept, rasad__zw_bound, rasad__zw_bound_after_heh, rasad__zw_month_suffix,
};
