package app.atelier.engine;

public enum Pooling { MAX, AVG }
