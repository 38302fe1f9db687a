//! The support team's way into the inbox: agents (a name and a token of their own, made by
//! `wallet-help-collector agents add NAME`) and sign-in sessions. Both live in the database,
//! so every collector instance on it serves them. Tokens and session ids are stored only as
//! their SHA-256: a copy of the database lets nobody sign in.

use crate::db::{params, Result};
use crate::random;
use crate::store::Store;

/// How long a sign-in lasts: a working day, then the inbox asks again.
pub const SESSION_HOURS: i64 = 12;

/// The name the admin token signs in as.
pub const ADMIN: &str = "admin";

/// A signed-in agent, and the token their forms must carry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Session {
    pub agent: String,
    pub csrf: String,
}

/// A name shown in the audit: 1–40 letters, digits, spaces, `.`, `_` or `-`, not "admin".
pub fn check_name(name: &str) -> std::result::Result<(), String> {
    let ok_chars = name.chars().all(|c| c.is_alphanumeric() || matches!(c, ' ' | '.' | '_' | '-'));
    if name.trim().is_empty() || name.chars().count() > 40 || !ok_chars || name != name.trim() {
        return Err(format!("agent name {name:?}: use 1 to 40 letters, digits, spaces, '.', '_' or '-'"));
    }
    if name.eq_ignore_ascii_case(ADMIN) || name.eq_ignore_ascii_case("user") {
        return Err(format!("agent name {name:?} is reserved"));
    }
    Ok(())
}

pub fn hash(secret: &str) -> String {
    crate::attachments::sha256_hex(secret.as_bytes())
}

impl Store {
    /// A new agent and their token (shown once); `None` if the name is taken.
    pub fn add_agent(&self, name: &str) -> Result<Option<String>> {
        let token = random::token();
        let added = self.write(|tx| {
            let now = tx.dialect().now();
            tx.exec(
                &format!(
                    "INSERT INTO agents (name, token_hash, created_at) VALUES (?1, ?2, {now}) ON CONFLICT DO NOTHING"
                ),
                params![name, hash(&token)],
            )
        })?;
        Ok((added == 1).then_some(token))
    }

    /// Every agent's name and when it was added.
    pub fn agents(&self) -> Result<Vec<(String, String)>> {
        self.read(|tx| {
            let rows = tx.rows("SELECT name, created_at FROM agents ORDER BY name", &[])?;
            rows.iter().map(|r| Ok((r.text(0)?, r.text(1)?))).collect()
        })
    }

    /// Removes an agent and ends their sessions; `false` if there was none by that name.
    pub fn remove_agent(&self, name: &str) -> Result<bool> {
        self.write(|tx| {
            tx.exec("DELETE FROM sessions WHERE agent = ?1", params![name])?;
            Ok(tx.exec("DELETE FROM agents WHERE name = ?1", params![name])? == 1)
        })
    }

    /// The agent whose token this is. The lookup is by hash, so a guess reveals nothing
    /// through timing about the tokens stored.
    pub fn agent_for_token(&self, token: &str) -> Result<Option<String>> {
        self.read(|tx| {
            let row = tx.row("SELECT name FROM agents WHERE token_hash = ?1", params![hash(token)])?;
            row.map(|r| r.text(0)).transpose()
        })
    }

    /// Signs `agent` in: the session id for the cookie.
    pub fn create_session(&self, agent: &str) -> Result<String> {
        let id = random::token();
        self.write(|tx| {
            let (now, expires) = (tx.dialect().now(), tx.dialect().hours_from_now(SESSION_HOURS));
            // Expired sessions go whenever someone signs in: the table stays small.
            tx.exec(&format!("DELETE FROM sessions WHERE expires_at < {now}"), &[])?;
            tx.exec(
                &format!(
                    "INSERT INTO sessions (id_hash, agent, csrf, created_at, expires_at)
                     VALUES (?1, ?2, ?3, {now}, {expires})"
                ),
                params![hash(&id), agent, random::token()],
            )
        })?;
        Ok(id)
    }

    /// The session with this id, unless it has expired or its agent was removed.
    pub fn session(&self, id: &str) -> Result<Option<Session>> {
        self.read(|tx| {
            let now = tx.dialect().now();
            let row = tx.row(
                &format!(
                    "SELECT agent, csrf FROM sessions
                      WHERE id_hash = ?1 AND expires_at > {now}
                        AND (agent = ?2 OR agent IN (SELECT name FROM agents))"
                ),
                params![hash(id), ADMIN],
            )?;
            row.map(|r| Ok(Session { agent: r.text(0)?, csrf: r.text(1)? })).transpose()
        })
    }

    /// Signs out.
    pub fn end_session(&self, id: &str) -> Result<()> {
        self.write(|tx| tx.exec("DELETE FROM sessions WHERE id_hash = ?1", params![hash(id)]).map(drop))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_agents_token_opens_a_session_until_it_expires_or_the_agent_goes() {
        let store = Store::scratch().unwrap();
        let token = store.add_agent("Ana").unwrap().unwrap();
        assert_eq!(store.add_agent("Ana").unwrap(), None, "names are unique");
        assert_eq!(store.agent_for_token(&token).unwrap().as_deref(), Some("Ana"));
        assert_eq!(store.agent_for_token("nope").unwrap(), None);
        let stored = store.read(|tx| tx.row("SELECT token_hash FROM agents", &[])?.unwrap().text(0)).unwrap();
        assert_ne!(stored, token, "only the hash is stored");

        let id = store.create_session("Ana").unwrap();
        let session = store.session(&id).unwrap().unwrap();
        assert_eq!(session.agent, "Ana");
        assert_eq!(session.csrf.len(), 64);
        assert_eq!(store.session("forged").unwrap(), None);

        store.write(|tx| tx.exec("UPDATE sessions SET expires_at = '2000-01-01T00:00:00.000Z'", &[])).unwrap();
        assert_eq!(store.session(&id).unwrap(), None, "an expired session is refused");

        let again = store.create_session("Ana").unwrap();
        assert!(store.session(&again).unwrap().is_some());
        assert!(store.remove_agent("Ana").unwrap());
        assert_eq!(store.session(&again).unwrap(), None, "a removed agent is signed out");
        assert!(!store.remove_agent("Ana").unwrap());

        let admin = store.create_session(ADMIN).unwrap();
        assert!(store.session(&admin).unwrap().is_some());
        store.end_session(&admin).unwrap();
        assert_eq!(store.session(&admin).unwrap(), None);
    }

    #[test]
    fn agent_names_are_checked() {
        for ok in ["Ana", "li.wei", "Support Team 2", "王芳"] {
            assert!(check_name(ok).is_ok(), "{ok}");
        }
        for bad in ["", " ", " Ana", "a/b", "admin", "ADMIN", "user", &"x".repeat(41)] {
            assert!(check_name(bad).is_err(), "{bad:?}");
        }
    }
}
