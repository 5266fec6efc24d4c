-- One database per service (a service never reads another's). Run once, by the PostgreSQL
-- image, when its data volume is empty. btree_gist (scheduling's exclusion constraint) is a
-- trusted extension: the database owner creates it in the scheduling migration.
CREATE DATABASE orders;
CREATE DATABASE scheduling;
CREATE DATABASE authorization;
CREATE DATABASE reimbursement;
CREATE DATABASE gateway;
