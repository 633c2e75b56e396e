-- 0010: the job exchange (issue 18). Job seekers (linked to a registry household and
-- member by household id, name and birth date, since member ids change on each save
-- of a household), vacancies of employers, referrals with their outcome (a hire is a
-- placement). Civil days are 'YYYY-MM-DD' text; consent, withdrawal and verification
-- instants are RFC 3339 text, '' when not set. search holds the folded text searched.
CREATE TABLE job_seekers (
    id             BIGSERIAL PRIMARY KEY,
    province_code  TEXT NOT NULL,
    commune_code   TEXT NOT NULL,
    full_name      TEXT NOT NULL,
    birth_date     TEXT NOT NULL,
    sex            TEXT NOT NULL DEFAULT '',
    phone          TEXT NOT NULL DEFAULT '',
    address        TEXT NOT NULL DEFAULT '',
    household_id   BIGINT NOT NULL DEFAULT 0,
    household_code TEXT NOT NULL DEFAULT '',
    class          TEXT NOT NULL DEFAULT '',
    low_income     INTEGER NOT NULL DEFAULT 0,
    priority       TEXT NOT NULL DEFAULT '',
    skills         TEXT NOT NULL DEFAULT '',
    education      TEXT NOT NULL DEFAULT '',
    vocational     TEXT NOT NULL DEFAULT '',
    desired_work   TEXT NOT NULL DEFAULT '',
    desired_wage   BIGINT NOT NULL DEFAULT 0,
    commute_range  TEXT NOT NULL,
    available_from TEXT NOT NULL DEFAULT '',
    labour_export  INTEGER NOT NULL DEFAULT 0,
    consent        INTEGER NOT NULL DEFAULT 0,
    consent_at     TEXT NOT NULL DEFAULT '',
    withdrawn_at   TEXT NOT NULL DEFAULT '',
    status         TEXT NOT NULL,
    origin         TEXT NOT NULL,
    verified_by    TEXT NOT NULL DEFAULT '',
    verified_at    TEXT NOT NULL DEFAULT '',
    day            TEXT NOT NULL,
    search         TEXT NOT NULL DEFAULT '',
    created_by     TEXT NOT NULL DEFAULT '',
    created_at     TIMESTAMPTZ NOT NULL,
    updated_at     TIMESTAMPTZ NOT NULL
);
CREATE INDEX job_seekers_commune ON job_seekers (commune_code, status);
CREATE INDEX job_seekers_household ON job_seekers (household_id);

CREATE TABLE job_vacancies (
    id                BIGSERIAL PRIMARY KEY,
    province_code     TEXT NOT NULL,
    commune_code      TEXT NOT NULL,
    employer_name     TEXT NOT NULL,
    employer_tax_code TEXT NOT NULL DEFAULT '',
    employer_address  TEXT NOT NULL DEFAULT '',
    employer_contact  TEXT NOT NULL DEFAULT '',
    position          TEXT NOT NULL,
    requirements      TEXT NOT NULL DEFAULT '',
    skills            TEXT NOT NULL DEFAULT '',
    wage_min          BIGINT NOT NULL DEFAULT 0,
    wage_max          BIGINT NOT NULL DEFAULT 0,
    places            INTEGER NOT NULL,
    filled            INTEGER NOT NULL DEFAULT 0,
    closing_date      TEXT NOT NULL,
    abroad            TEXT NOT NULL DEFAULT '',
    status            TEXT NOT NULL,
    origin            TEXT NOT NULL,
    verified_by       TEXT NOT NULL DEFAULT '',
    verified_at       TEXT NOT NULL DEFAULT '',
    day               TEXT NOT NULL,
    search            TEXT NOT NULL DEFAULT '',
    created_by        TEXT NOT NULL DEFAULT '',
    created_at        TIMESTAMPTZ NOT NULL,
    updated_at        TIMESTAMPTZ NOT NULL
);
CREATE INDEX job_vacancies_open ON job_vacancies (status, closing_date);
CREATE INDEX job_vacancies_commune ON job_vacancies (commune_code);

CREATE TABLE job_referrals (
    id            BIGSERIAL PRIMARY KEY,
    seeker_id     BIGINT NOT NULL REFERENCES job_seekers (id),
    vacancy_id    BIGINT NOT NULL REFERENCES job_vacancies (id),
    province_code TEXT NOT NULL,
    commune_code  TEXT NOT NULL,
    priority      TEXT NOT NULL DEFAULT '',
    status        TEXT NOT NULL,
    score         INTEGER NOT NULL DEFAULT 0,
    referred_on   TEXT NOT NULL,
    interview_on  TEXT NOT NULL DEFAULT '',
    placed_on     TEXT NOT NULL DEFAULT '',
    with_contract INTEGER NOT NULL DEFAULT 0,
    note          TEXT NOT NULL DEFAULT '',
    support_id    BIGINT NOT NULL DEFAULT 0,
    created_by    TEXT NOT NULL DEFAULT '',
    created_at    TIMESTAMPTZ NOT NULL,
    updated_at    TIMESTAMPTZ NOT NULL,
    UNIQUE (seeker_id, vacancy_id)
);
CREATE INDEX job_referrals_commune ON job_referrals (commune_code, referred_on);
CREATE INDEX job_referrals_vacancy ON job_referrals (vacancy_id);
