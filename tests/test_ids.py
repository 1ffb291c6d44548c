"""Person keys: the region a person is keyed to, from the page's region and the titles written beside them."""
from __future__ import annotations

import pytest

from tasks.ids import NATIONAL_REGION, person_id, person_region


@pytest.mark.parametrize("titles, region", [
    (["美国总统"], "美国"),                 # a country of places_lexicon.txt names itself
    (["台北市长"], "台湾"),                 # regions_abroad.txt
    (["香港特区行政长官"], "香港"),
    (["国务院总理"], NATIONAL_REGION),      # national office of the People's Republic
    ([], NATIONAL_REGION),
])
def test_a_page_without_a_region_keys_people_by_what_their_titles_name(titles, region):
    assert person_region(titles, None) == region


def test_a_title_abroad_keys_the_person_there_on_a_local_page_too():
    """One person whichever paper names them, as for national office; local titles keep the page's region."""
    assert person_region(["美国总统"], "重庆市") == "美国"
    assert person_region(["区委书记"], "重庆市") == "重庆市"


def test_the_same_name_in_two_regions_is_two_people():
    assert person_id("钱乙", "美国") != person_id("钱乙", NATIONAL_REGION) == person_id("钱乙", NATIONAL_REGION)
