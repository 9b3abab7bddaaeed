-- Runs once, when the compose PostgreSQL initialises its volume: one database per service
-- (docs/configuration.md: each service uses ishc_<service> on the one server).
CREATE DATABASE ishc_registry;
CREATE DATABASE ishc_activities;
CREATE DATABASE ishc_microfinance;
CREATE DATABASE ishc_reporting;
