from rashomon.ingest.plaintext import parse_plain_text


def test_dateline_byline_and_trailing_furniture(fixture_path):
    parts = parse_plain_text((fixture_path / "kremlin_visit.txt").read_text(encoding="utf-8"))
    assert parts.published == "11/02/2025"
    assert parts.byline == "Dana Whitfield"
    assert parts.tags == ("Vladimir Putin", "Ahmed al-Sharaa", "HTS", "Khmeimim air base", "Tartus naval facility")
    assert parts.listed_sources == ()
    assert parts.body.endswith("HTS was dissolved earlier this year.")
    kinds = [block.kind for block in parts.boilerplate]
    assert kinds[0] == "video" and "disclaimer" in kinds and kinds[-1] == "copyright"
    assert not any("Watch" in line for line in parts.body.splitlines())


def test_article_without_furniture_is_left_whole():
    text = "First paragraph of a plain report.\nSecond paragraph, which ends the story."
    parts = parse_plain_text(text)
    assert parts.body == text
    assert parts.boilerplate == () and parts.tags == () and parts.listed_sources is None


def test_furniture_words_inside_the_body_are_not_cut():
    text = "Copyright lawyers met in Geneva on Monday.\nThe talks, officials said, will go on.\nWatch this space, one of them joked."
    assert parse_plain_text(text).body == text


def test_rest_scope_takes_everything_after_copyright():
    parts = parse_plain_text("Body sentence one.\nCopyright 2024 Some Site\nLegal text. More legal text. Even more.")
    assert parts.body == "Body sentence one."
    assert [b.kind for b in parts.boilerplate] == ["copyright", "copyright"]


def test_headline_before_the_dateline():
    parts = parse_plain_text("Ankara sets the terms again\n03/15/2026 / By Tom Reyes\n\nOnce again Ankara dictates.")
    assert (parts.title, parts.published, parts.byline) == ("Ankara sets the terms again", "03/15/2026", "Tom Reyes")
    assert parts.body == "Once again Ankara dictates."


def test_a_closing_call_to_readers_is_furniture():
    text = (
        "The school in Tarnel was evacuated on Thursday.\n"
        "Are you in the area? If it is safe to do so, tell us by emailing news@example.org. "
        "You can also contact us in the following ways:"
    )
    parts = parse_plain_text(text)
    assert parts.body == "The school in Tarnel was evacuated on Thursday."
    assert [b.kind for b in parts.boilerplate] == ["callout"]
    asked = "Were you there? Officials asked residents of Tarnel that question all week.\nThey got few answers."
    assert parse_plain_text(asked).body == asked  # the question is not at the start of a trailing call


def test_a_slideshow_trailer_and_all_after_it_are_furniture():
    text = "The mayor spoke for an hour.\nShare this slide: Don't miss the video everyone watches.\nLearn more"
    parts = parse_plain_text(text)
    assert parts.body == "The mayor spoke for an hour."
    assert {b.kind for b in parts.boilerplate} <= {"share", "promo"} and "share" in {b.kind for b in parts.boilerplate}


def test_a_share_bar_flattened_into_the_text_is_furniture_wherever_it_stands():
    text = (
        "The court upheld the fines on Tuesday. Send Facebook Twitter Google+ Whatsapp Tumblr linkedin Digg "
        "reddit Permalink http://example.org/p/1Ab2 A 12th carrier was given immunity.\n"
        "The minister posted the ruling on Facebook, Twitter, WhatsApp and Telegram."
    )
    parts = parse_plain_text(text)
    assert parts.body.splitlines() == [
        "The court upheld the fines on Tuesday.",
        "A 12th carrier was given immunity.",
        "The minister posted the ruling on Facebook, Twitter, WhatsApp and Telegram.",
    ]
    assert [b.kind for b in parts.boilerplate] == ["share"]
    assert parts.boilerplate[0].text.endswith("Permalink http://example.org/p/1Ab2")


def test_a_credit_line_at_the_end_is_furniture_run_into_the_text_or_on_a_line_of_its_own():
    run_in = (
        'The mayor said the bridge would reopen. "It will take a week," she said. Daily Courier\'s Ana Ruiz and '
        "J.D. Moss contributed to this report. The Associated Press also contributed to this report."
    )
    parts = parse_plain_text(run_in)
    assert parts.body == 'The mayor said the bridge would reopen. "It will take a week," she said.'
    assert [b.kind for b in parts.boilerplate] == ["credit"]
    on_its_own = (
        "The mayor said the bridge would reopen.\nReporting help came from readers.\nAna Ruiz contributed reporting."
    )
    assert parse_plain_text(on_its_own).body.splitlines() == [
        "The mayor said the bridge would reopen.",
        "Reporting help came from readers.",
    ]


def test_contributing_to_something_in_the_body_is_no_credit():
    text = (
        "Heavy rain contributed to the flooding. Officials said drivers contributed to this report's delay by calling."
    )
    assert parse_plain_text(text).body == text


def test_a_linked_headline_run_into_the_text_goes_up_to_where_the_next_sentence_starts():
    text = (
        "The ferry sank on Sunday near the harbour. READ MORE: Coastguard 'overwhelmed' by storm calls in Port Elm "
        "The captain was rescued by fishermen. RELATED: Who owns the ferries of the bay? Officials say the "
        "inquiry will start in May."
    )
    parts = parse_plain_text(text)
    assert parts.body.splitlines() == [
        "The ferry sank on Sunday near the harbour.",
        "The captain was rescued by fishermen.",
        "Officials say the inquiry will start in May.",
    ]
    assert [b.text for b in parts.boilerplate] == [
        "READ MORE: Coastguard 'overwhelmed' by storm calls in Port Elm",
        "RELATED: Who owns the ferries of the bay?",
    ]


def test_a_linked_headline_whose_end_cannot_be_told_stays_and_prose_labels_are_not_links():
    # "Ana Lopez said" could be the headline's last words or the next sentence's first: nothing is cut.
    unclear = "The ferry sank. READ MORE: Storm hits Port Elm again Ana Lopez said the ferry was late."
    assert parse_plain_text(unclear).body == unclear
    prose = "Read more: the mayor wants a second ferry. Watch: The tide turns at noon, she said."
    assert parse_plain_text(prose).body == prose


def test_a_writers_address_a_print_page_and_a_disclaimer_that_end_the_text_are_furniture():
    text = (
        "Exports of tea rose by a fifth, the ministry says. The views do not necessarily reflect those of "
        "Harbour Weekly. Contact the writers at lin.mei@example.com and tao@example.org "
        "( Harbour Weekly Edition 03/10/2017 page 12)"
    )
    parts = parse_plain_text(text)
    assert parts.body == "Exports of tea rose by a fifth, the ministry says."
    assert sorted(b.kind for b in parts.boilerplate) == ["contact", "disclaimer", "edition"]
    kept = "Write to the ministry at tea@example.gov to complain, she said. Page 12 has the rest."
    assert parse_plain_text(kept).body == kept


def test_an_embedded_tweets_links_and_signature_are_furniture_and_its_words_stay():
    text = (
        "Crews worked through the night at the dam. Spillway holds after night of repairs https://t.co/Ab12Cd "
        "pic.twitter.com/Xy34Zw \u2014 Valley News (@valleynews) February 12, 2017 The county lifted the order."
    )
    parts = parse_plain_text(text)
    assert parts.body.splitlines() == [
        "Crews worked through the night at the dam. Spillway holds after night of repairs",
        "The county lifted the order.",
    ]
    assert [b.kind for b in parts.boilerplate] == ["tweet", "tweet", "tweet"]


def test_a_taglines_learn_more_that_ends_the_text_is_furniture():
    text = (
        'The mayor said the bridge would reopen. "It will take a week." Harbour Weekly is your one-stop shop '
        "for local news, sent right to your inbox every Friday. Learn more"
    )
    parts = parse_plain_text(text)
    assert parts.body == 'The mayor said the bridge would reopen. "It will take a week."'
    assert [b.kind for b in parts.boilerplate] == ["promo"]
    plain = "The mayor said the bridge would reopen. Residents can learn more at the town hall."
    assert parse_plain_text(plain).body == plain


def test_a_link_on_a_line_of_its_own_is_furniture_wherever_it_stands():
    text = (
        "The ferry will run again on Monday, the harbour authority said.\n"
        "Read more: Storm leaves Gull Island without power for three days\n"
        "Shop owners said the closure had cost them their weekend trade.\n"
        "Related: Who owns the ferries of the bay?\n"
        "The first crossing will be at seven in the morning."
    )
    parts = parse_plain_text(text)
    assert parts.body.splitlines() == [
        "The ferry will run again on Monday, the harbour authority said.",
        "Shop owners said the closure had cost them their weekend trade.",
        "The first crossing will be at seven in the morning.",
    ]
    assert [b.kind for b in parts.boilerplate] == ["related", "related"]


def test_a_list_of_other_articles_an_end_mark_an_address_and_a_slug_end_the_text():
    text = (
        "The ferry will run again on Monday, the harbour authority said.\n"
        "More Must-Reads From Harbour Post\n"
        "- Council approves new sea wall for the old town\n"
        "- Gull Island school reopens after flood damage\n"
    )
    assert parse_plain_text(text).body == "The ferry will run again on Monday, the harbour authority said."
    wire = "The ferry will run again on Monday, the harbour authority said.\nines.moreau@example.org\n(END)"
    assert parse_plain_text(wire).body == "The ferry will run again on Monday, the harbour authority said."
    assert parse_plain_text("The ferry will run again on Monday.\nREUTER").body == "The ferry will run again on Monday."
    slugged = (
        "The ferry will run again on Monday.\nThe-Harbour-Wire\n"
        "\u2122 & \u00a9 2025 Harbour Post Network, Inc. All rights reserved."
    )
    parts = parse_plain_text(slugged)
    assert parts.body == "The ferry will run again on Monday."
    assert [b.kind for b in parts.boilerplate] == ["slug", "copyright"]


def test_a_wrapped_wire_is_joined_before_its_furniture_is_found():
    # A wrapped line that opens with "related" or "share" is the middle of a sentence, not a link or a share bar.
    wire = (
        "The ferry company said on Tuesday that it would pay for the\n"
        "repairs to the pier and ask the council to pass the\n"
        "related spending plan this year, a spokeswoman for the\n"
        "harbour authority said after talks with the company and\n"
        "the island council. Profits rose to four cents per\n"
        "share.\n"
        " Reuter\n"
    )
    parts = parse_plain_text(wire)
    assert parts.body == (
        "The ferry company said on Tuesday that it would pay for the repairs to the pier and ask the council "
        "to pass the related spending plan this year, a spokeswoman for the harbour authority said after talks "
        "with the company and the island council. Profits rose to four cents per share."
    )
    assert [b.kind for b in parts.boilerplate] == ["end"]


def test_what_a_feed_puts_after_an_items_text_is_furniture():
    text = (
        "The ferry will run again on Monday, the harbour authority said.\n"
        "Continue reading \u2192\n"
        "The post Ferry service to resume after storm repairs appeared first on Harbour Post."
    )
    parts = parse_plain_text(text)
    assert parts.body == "The ferry will run again on Monday, the harbour authority said."
    assert [b.kind for b in parts.boilerplate] == ["related", "promo"]
    prose = "The ferry will run again on Monday.\nThe post office said the letters appeared first on Tuesday."
    assert parse_plain_text(prose).body == prose


def test_a_byline_with_the_outlet_after_a_comma_gives_both():
    parts = parse_plain_text(
        "Order restored\n\nBy Staff Reporter, The National Sentinel\n\nNAIROBI, June 25, 2027 — Calm."
    )
    assert (parts.title, parts.byline, parts.outlet) == ("Order restored", "Staff Reporter", "The National Sentinel")
    assert parts.body.startswith("NAIROBI, June 25, 2027")
    # A desk's byline belongs to the outlet after its comma, whatever words the outlet's name has.
    parts = parse_plain_text("Headline\n\nBy Staff Correspondent, Moskva Segodnya\n\nBody text of the report.")
    assert (parts.byline, parts.outlet) == ("Staff Correspondent", "Moskva Segodnya")


def test_a_place_or_a_role_after_a_bylines_comma_is_no_outlet():
    for line in ("By Ann Lee, Nairobi", "By Ann Lee, Middle East correspondent"):
        parts = parse_plain_text(f"Headline\n\n{line}\n\nBody text of the report.")
        assert (parts.byline, parts.outlet, parts.body) == ("Ann Lee", None, "Body text of the report.")
