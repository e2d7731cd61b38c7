-- What a key may do: 'api' (the whole company API, and Gladly's webhook) or 'webhook' (only Gladly's webhook).
alter table api_keys add column scope varchar(16) default 'api' not null;
